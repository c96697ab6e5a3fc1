import { addDays } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { devicesOfKinds, lastReadings } from '../devices/index.js';
import { salinityKeys, STATION_KIND, stationDays } from './readings.js';
import { agronomyReference, type SalinityLevel } from './reference.js';
import { stagesOn, unitNames } from './repo.js';

// The stations read as the irrigation sub-department reads them: each day's highest and lowest salinity in ‰, against
// the limit of the crop stage of the fields around the station, with what to do about it.

/** The highest level a salinity is above (as a limit: 1‰ is not over 1‰), or null under the first. */
export function levelOf(perMille: number): SalinityLevel | null {
  let reached: SalinityLevel | null = null;
  for (const l of [...agronomyReference().settings.salinity.levels].sort((a, b) => a.above - b.above)) if (perMille > l.above) reached = l;
  return reached;
}

/** The stage of a unit's fields, the default stage when nobody set one, and the salinity it tolerates (null: none). */
export function stageOf(stage: string | undefined) {
  const { stages, defaultStage } = agronomyReference().settings.salinity;
  return stages.find((s) => s.code === stage) ?? stages.find((s) => s.code === defaultStage)!;
}

export interface StationView {
  id: number; name: string; revoked: boolean; location: { lat: number; lon: number } | null; unit: { id: number; name: string } | null;
  stage: { code: string; nameVi: string; nameEn: string; limit: number | null; since: string | null };
  days: { day: string; min: number; max: number }[];
  today: { max: number; min: number } | null; last: { at: Date; perMille: number } | null;
  exceeds: boolean; level: SalinityLevel | null; beyondLine: boolean;
}

/** Every station with the last `days` days up to `day`, the stage limit of its commune on that day and its level. */
export async function salinityStations(db: Db, day: string, days = 14): Promise<{ day: string; line: number; stations: StationView[] }> {
  const { settings } = agronomyReference();
  const stations = await devicesOfKinds(db, [STATION_KIND]);
  const [history, names, stages, last] = await Promise.all([
    stationDays(db, { from: addDays(day, -(days - 1)), to: day }, undefined, stations),
    unitNames(db, stations.map((s) => s.unitId)),
    stagesOn(db, stations.flatMap((s) => (s.unitId === null ? [] : [s.unitId])), day),
    lastReadings(db, stations.map((s) => s.id), Object.keys(salinityKeys().perMille)),
  ]);
  const views = stations.map((s): StationView => {
    const own = history.filter((h) => h.deviceId === s.id).map((h) => ({ day: h.day, min: round(h.min), max: round(h.max) }));
    const today = own.find((h) => h.day === day) ?? null;
    const set = s.unitId === null ? undefined : stages.get(s.unitId);
    const stage = stageOf(set?.stage);
    const reading = last.filter((r) => r.deviceId === s.id).sort((a, b) => b.ts.getTime() - a.ts.getTime())[0];
    const factor = reading ? settings.salinity.unitsPerMille[reading.key] ?? 1 : 1;
    return {
      id: s.id, name: s.name, revoked: s.revoked, location: s.lat !== null && s.lon !== null ? { lat: s.lat, lon: s.lon } : null,
      unit: s.unitId ? { id: s.unitId, name: names.get(s.unitId) ?? '' } : null,
      stage: { code: stage.code, nameVi: stage.nameVi, nameEn: stage.nameEn, limit: stage.limit, since: set?.since ?? null },
      days: own, today: today && { max: today.max, min: today.min }, last: reading ? { at: reading.ts, perMille: round(reading.value * factor) } : null,
      exceeds: !!today && stage.limit !== null && today.max > stage.limit, level: today ? levelOf(today.max) : null, beyondLine: !!today && today.max >= settings.salinity.line,
    };
  });
  return { day, line: settings.salinity.line, stations: views };
}

const round = (v: number) => Math.round(v * 100) / 100;
