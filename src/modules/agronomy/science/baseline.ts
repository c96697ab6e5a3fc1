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

/** The median of the first `n` values of a scratch array, which it sorts in place (typed: a numeric sort, no comparator). */
function medianOf(scratch: Float64Array, n: number): number {
  const s = scratch.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Each night scored against the nights with a count in the `nights` calendar nights before it (in date order). */
export function scoreNights(series: Night[], species: Pick<Species, 'peak' | 'outbreak'>, baseline: AgronomySettings['baseline']): ScoredNight[] {
  // A year of nights for four species is scored on every read of a trap's page: one pass, the window's values copied
  // into scratch arrays rather than sliced, mapped and sorted as new arrays each night.
  const nights = [...series].sort((a, b) => (a.night < b.night ? -1 : a.night > b.night ? 1 : 0));
  const days = nights.map((n) => dayNumber(n.night));
  const window = new Float64Array(nights.length);
  const deviations = new Float64Array(nights.length);
  const out: ScoredNight[] = new Array(nights.length);
  let start = 0;
  for (let i = 0; i < nights.length; i++) {
    const n = nights[i]!;
    while (start < i && days[start]! < days[i]! - baseline.nights) start++;
    const size = i - start;
    let med: number | null = null;
    let upper: number | null = null;
    let z: number | null = null;
    if (size >= baseline.minNights) {
      for (let k = 0; k < size; k++) window[k] = nights[start + k]!.count;
      med = medianOf(window, size);
      for (let k = 0; k < size; k++) deviations[k] = Math.abs(nights[start + k]!.count - med);
      const spread = 1.4826 * medianOf(deviations, size) + 1;
      z = (n.count - med) / spread;
      upper = med + baseline.robustZ * spread;
    }
    const level: TrapLevel = n.count >= species.outbreak ? 'outbreak'
      : n.count >= species.peak || (z !== null && z >= baseline.robustZ && n.count >= baseline.minCount) ? 'peak' : 'normal';
    out[i] = { night: n.night, count: n.count, median: med, upper, z, level };
  }
  return out;
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
