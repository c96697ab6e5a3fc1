import type { AgronomySettings, Species } from '../reference.js';

// A trap's nights against its own recent past. Counts are small, bursty and full of zeros, so the baseline is the
// median and the median absolute deviation of the nights before (a peak does not lift its own baseline), and the
// score adds one insect to the spread so that a trap that always catches 0–2 does not call 5 a peak.

export type TrapLevel = 'normal' | 'peak' | 'outbreak';
export interface Night { night: string; count: number }
export interface ScoredNight extends Night { median: number | null; upper: number | null; z: number | null; level: TrapLevel }

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Each night scored against the nights with a count in the `nights` calendar nights before it (in date order). */
export function scoreNights(series: Night[], species: Pick<Species, 'peak' | 'outbreak'>, baseline: AgronomySettings['baseline']): ScoredNight[] {
  const nights = [...series].sort((a, b) => a.night.localeCompare(b.night));
  let start = 0;
  return nights.map((n, i) => {
    const today = dayNumber(n.night);
    while (start < i && dayNumber(nights[start]!.night) < today - baseline.nights) start++;
    const before = nights.slice(start, i).map((p) => p.count);
    let med: number | null = null;
    let upper: number | null = null;
    let z: number | null = null;
    if (before.length >= baseline.minNights) {
      med = median(before);
      const spread = 1.4826 * median(before.map((c) => Math.abs(c - med!))) + 1;
      z = (n.count - med) / spread;
      upper = med + baseline.robustZ * spread;
    }
    const level: TrapLevel = n.count >= species.outbreak ? 'outbreak'
      : n.count >= species.peak || (z !== null && z >= baseline.robustZ && n.count >= baseline.minCount) ? 'peak' : 'normal';
    return { ...n, median: med, upper, z, level };
  });
}

export interface Episode { from: string; to: string; peak: string; count: number; level: Exclude<TrapLevel, 'normal'> }

/** Nights above normal grouped into episodes (nights closer than `gapDays` are one), each peaking on its largest night. */
export function peakEpisodes(scored: ScoredNight[], gapDays: number): Episode[] {
  const episodes: Episode[] = [];
  for (const n of scored) {
    if (n.level === 'normal') continue;
    const last = episodes.at(-1);
    if (last && dayNumber(n.night) - dayNumber(last.to) <= gapDays) {
      last.to = n.night;
      if (n.count > last.count) Object.assign(last, { peak: n.night, count: n.count });
      if (n.level === 'outbreak') last.level = 'outbreak';
    } else {
      episodes.push({ from: n.night, to: n.night, peak: n.night, count: n.count, level: n.level });
    }
  }
  return episodes;
}
