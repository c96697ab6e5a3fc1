import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../../server/paths.js';

// The simulator's parameters (data/demo/simulation.json): demo data, not reference data, so it lives beside the
// demo accounts and a real province's database never depends on it.

const ZSpecies = z.object({
  firstPeak: z.iso.date(), periodDays: z.number().positive(), widthNights: z.number().positive(),
  peakMin: z.number().nonnegative(), peakMax: z.number().nonnegative(), backgroundMin: z.number().nonnegative(), backgroundMax: z.number().nonnegative(),
});
const ZStation = z.object({
  nameVi: z.string(), peakPerMille: z.number().nonnegative(), rainyShare: z.number().min(0).max(1), tidalSwing: z.number().min(0).max(2),
  lagHours: z.number().min(0), tideRangeCm: z.number().nonnegative(), meanLevelCm: z.number(),
});
export const ZSimulation = z.object({
  description: z.string(),
  lightTrap: z.object({
    nightHoursVn: z.array(z.number().int().min(0).max(23)).length(12),
    hourShares: z.array(z.number().nonnegative()).length(12),
    moonBoost: z.number().min(0),
    species: z.object({ BPH: ZSpecies, RLF: ZSpecies, YSB: ZSpecies }),
    wbphShareOfBph: z.tuple([z.number(), z.number()]),
    wbphBackgroundMax: z.number().nonnegative(),
    peakShiftDays: z.number().min(0),
    airTemperature: z.object({ mean: z.number(), dailySwing: z.number() }),
    battery: z.object({ nightLowMin: z.number(), nightLowMax: z.number() }),
  }),
  salinity: z.object({
    seasonPeak: z.string().regex(/^\d\d-\d\d$/), riseWidthDays: z.number().positive(), fallWidthDays: z.number().positive(),
    freshPerMille: z.number().nonnegative(), conductivityPerPerMille: z.number().positive(),
    stations: z.record(z.string(), ZStation),
  }),
});
export type SimulationParams = z.infer<typeof ZSimulation>;
export type StationProfile = z.infer<typeof ZStation>;

let cached: SimulationParams | undefined;

export function simulationParams(): SimulationParams {
  cached ??= ZSimulation.parse(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data', 'demo', 'simulation.json'), 'utf8')));
  return cached;
}
