import { lightTrapHour } from './light-trap.js';
import { simulationParams, type SimulationParams } from './params.js';
import { salinityAt } from './salinity.js';

export const SIMULATED_KINDS = ['LIGHT_TRAP', 'SALINITY_STATION'] as const;
export type SimulatedKind = (typeof SIMULATED_KINDS)[number];

/** What the simulator needs of a device: its kind, a seed (its character), and for a station which profile it has. */
export interface SimulatedDevice { kind: SimulatedKind; seed: number; station?: string }
/** One ThingsBoard telemetry entry. */
export interface Telemetry { ts: number; values: Record<string, number> }

/** How often each kind reports: a trap hourly (its kind's interval), a station every 15 minutes (its kind's interval). */
export const STEP_MS: Record<SimulatedKind, number> = { LIGHT_TRAP: 3_600_000, SALINITY_STATION: 900_000 };

/** A station profile of simulation.json, the first (the most seaward) when none is named. */
export function stationProfile(params: SimulationParams, name?: string) {
  const stations = params.salinity.stations;
  const profile = name ? stations[name] : Object.values(stations)[0];
  if (!profile) throw new Error(`unknown station profile ${name}; known: ${Object.keys(stations).join(', ')}`);
  return profile;
}

/** The readings of a device at one time (a multiple of its step). */
export function readingAt(device: SimulatedDevice, ts: number, params: SimulationParams = simulationParams()): Record<string, number> {
  return device.kind === 'LIGHT_TRAP' ? lightTrapHour(params, device.seed, ts) : salinityAt(params, stationProfile(params, device.station), device.seed, ts);
}

/**
 * A device's readings from `from` (inclusive) to `to` (exclusive), one entry per step, at whole multiples of the
 * step (the hour, the quarter hour). A longer step keeps only every step's readings (the demo's older history).
 */
export function* simulate(device: SimulatedDevice, from: number, to: number, options: { stepMs?: number; params?: SimulationParams } = {}): Generator<Telemetry> {
  const params = options.params ?? simulationParams();
  const step = Math.max(options.stepMs ?? STEP_MS[device.kind], STEP_MS[device.kind]);
  for (let ts = Math.ceil(from / step) * step; ts < to; ts += step) yield { ts, values: readingAt(device, ts, params) };
}
