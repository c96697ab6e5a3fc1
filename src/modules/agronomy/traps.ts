import { addDays } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { devicesOfKinds, type PlacedDevice } from '../devices/index.js';
import { TRAP_KIND, trapNights, type TrapNight } from './readings.js';
import { agronomyReference } from './reference.js';
import { unitNames } from './repo.js';
import { peakEpisodes, scoreNights, type Episode, type ScoredNight, type TrapLevel } from './science/baseline.js';

// What the traps say: a night across the province (the trap map), and a trap's or a commune's season by species
// against its baseline, its peaks marked.

const RANK: Record<TrapLevel, number> = { normal: 0, peak: 1, outbreak: 2 };

/** Every species' nights for one series (a trap, or a commune's traps summed), scored, from `from` to `to`. */
export function scoreSeries(nights: TrapNight[], range: { from: string; to: string }) {
  const { species, settings } = agronomyReference();
  return species.map((s) => {
    const perNight = new Map<string, number>();
    for (const n of nights) if (n.species === s.code) perNight.set(n.night, (perNight.get(n.night) ?? 0) + n.count);
    const scored = scoreNights([...perNight].map(([night, count]) => ({ night, count })), s, settings.baseline);
    const shown = scored.filter((n) => n.night >= range.from && n.night <= range.to);
    return { species: s.code, nights: shown, episodes: peakEpisodes(shown, settings.forecast.episodeGapDays), all: scored };
  });
}

export interface SpeciesSeries { species: string; nights: ScoredNight[]; episodes: Episode[] }

/**
 * A commune's nights as one trap's: the mean catch of the traps that reported each night. The tiers and the baseline
 * are per trap and night, so a sum would call a commune with four quiet traps a peak.
 */
export function perTrapMean(nights: TrapNight[]): TrapNight[] {
  const cells = new Map<string, { night: TrapNight; sum: number; traps: number }>();
  for (const n of nights) {
    const key = `${n.species}|${n.night}`;
    const cell = cells.get(key);
    if (cell) Object.assign(cell, { sum: cell.sum + n.count, traps: cell.traps + 1 });
    else cells.set(key, { night: n, sum: n.count, traps: 1 });
  }
  return [...cells.values()].map(({ night, sum, traps }) => ({ ...night, deviceId: 0, count: Math.round((sum / traps) * 10) / 10 }));
}

/** One trap's season by species. */
export async function trapSeries(db: Db, id: number, range: { from: string; to: string }) {
  const [trap] = await devicesOfKinds(db, [TRAP_KIND], [id]);
  if (!trap) throw notFound('id');
  const baselineFrom = addDays(range.from, -agronomyReference().settings.baseline.nights);
  const nights = await trapNights(db, { from: baselineFrom, to: range.to }, undefined, [trap]);
  const names = await unitNames(db, [trap.unitId]);
  return {
    trap: { id: trap.id, name: trap.name, unit: trap.unitId ? { id: trap.unitId, name: names.get(trap.unitId) ?? '' } : null, location: place(trap) },
    series: scoreSeries(nights, range).map(({ species, nights: n, episodes }) => ({ species, nights: n, episodes })),
  };
}

/** A commune's traps by species: each night the mean of the traps that reported it. */
export async function communeSeries(db: Db, unitId: number, range: { from: string; to: string }) {
  const traps = (await devicesOfKinds(db, [TRAP_KIND])).filter((d) => d.unitId === unitId);
  const names = await unitNames(db, [unitId]);
  if (!names.has(unitId)) throw notFound('unitId');
  const baselineFrom = addDays(range.from, -agronomyReference().settings.baseline.nights);
  const nights = traps.length ? await trapNights(db, { from: baselineFrom, to: range.to }, undefined, traps) : [];
  return {
    unit: { id: unitId, name: names.get(unitId)! }, traps: traps.map((t) => ({ id: t.id, name: t.name })),
    series: scoreSeries(perTrapMean(nights), range).map(({ species, nights: n, episodes }) => ({ species, nights: n, episodes })),
  };
}

const place = (d: PlacedDevice) => (d.lat !== null && d.lon !== null ? { lat: d.lat, lon: d.lon } : null);

/**
 * The trap map of a night: each trap with its catch per species and level against its baseline, and the province's
 * total per species. A trap that sent nothing that night shows no counts (not zeros: silence is not an empty trap).
 */
export async function trapMap(db: Db, night: string) {
  const { species, settings } = agronomyReference();
  const traps = await devicesOfKinds(db, [TRAP_KIND]);
  const nights = await trapNights(db, { from: addDays(night, -settings.baseline.nights), to: night }, undefined, traps);
  const byTrap = new Map<number, TrapNight[]>();
  for (const n of nights) (byTrap.get(n.deviceId) ?? byTrap.set(n.deviceId, []).get(n.deviceId)!).push(n);
  const names = await unitNames(db, traps.map((t) => t.unitId));
  const totals: Record<string, number> = Object.fromEntries(species.map((s) => [s.code, 0]));
  const shown = traps.map((t) => {
    const scored = scoreSeries(byTrap.get(t.id) ?? [], { from: night, to: night });
    const counts: Record<string, { count: number; level: TrapLevel; median: number | null }> = {};
    let level: TrapLevel = 'normal';
    for (const s of scored) {
      const n = s.nights[0];
      if (!n) continue;
      counts[s.species] = { count: n.count, level: n.level, median: n.median };
      totals[s.species] = (totals[s.species] ?? 0) + n.count;
      if (RANK[n.level] > RANK[level]) level = n.level;
    }
    return {
      id: t.id, name: t.name, revoked: t.revoked, location: place(t), unit: t.unitId ? { id: t.unitId, name: names.get(t.unitId) ?? '' } : null,
      reported: Object.keys(counts).length > 0, level, counts,
    };
  });
  return { night, species: species.map((s) => ({ code: s.code, nameVi: s.nameVi, nameEn: s.nameEn, peak: s.peak, outbreak: s.outbreak })), traps: shown, totals };
}
