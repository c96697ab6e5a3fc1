import { dayOfYear, rainySeason, solarBattery, vnHour } from './light-trap.js';
import type { SimulationParams, StationProfile } from './params.js';
import { moonAge, normal, smoothNoise } from './random.js';

// A salinity station on a tidal river: salinity (‰) on the dry season's envelope, times the tide at the station
// (the salt peak comes some hours after high water, later the further inland), and what follows from it.

const HOUR = 3_600_000;
const DAY = 86_400_000;
const M2_HOURS = 12.4206;
const K1_HOURS = 23.9345;
const SPRING_NEAP_DAYS = 14.765;

/** The tide, -1 (lowest low water) to 1 (highest high water): M2 with a spring–neap range, plus the diurnal K1. */
export function tide(ts: number): number {
  const range = 0.72 + 0.28 * Math.cos((2 * Math.PI * (moonAge(ts) - 1.5)) / SPRING_NEAP_DAYS);
  const h = ts / HOUR;
  return (range * Math.cos((2 * Math.PI * h) / M2_HOURS) + 0.3 * Math.cos((2 * Math.PI * h) / K1_HOURS + 1.1)) / 1.3;
}

/** The dry season's envelope, 0–1: highest on seasonPeak, rising over riseWidthDays, falling faster with the rains. */
export function seasonEnvelope(p: SimulationParams['salinity'], ts: number): number {
  const [month, day] = p.seasonPeak.split('-').map(Number) as [number, number];
  const peak = (Date.UTC(2001, month - 1, day) - Date.UTC(2001, 0, 1)) / DAY;
  let d = dayOfYear(ts) - peak;
  if (d > 182.6) d -= 365.25;
  if (d < -182.6) d += 365.25;
  const width = d < 0 ? p.riseWidthDays : p.fallWidthDays;
  return Math.exp(-0.5 * (d / width) ** 2);
}

/** A station's readings at `ts`. */
export function salinityAt(params: SimulationParams, station: StationProfile, seed: number, ts: number): Record<string, number> {
  const p = params.salinity;
  const envelope = station.rainyShare + (1 - station.rainyShare) * seasonEnvelope(p, ts);
  const day = Math.exp(0.1 * smoothNoise(seed, ts / DAY));
  const salt = station.peakPerMille * envelope * day * Math.max(0, 1 + station.tidalSwing * tide(ts - station.lagHours * HOUR));
  const salinity = Math.max(0, p.freshPerMille + salt * (1 + 0.01 * normal(seed, ts / 60_000, 1)));
  const doy = dayOfYear(ts);
  const hour = vnHour(ts);
  const temperature = 28.5 + 1.2 * Math.cos((2 * Math.PI * (doy - 120)) / 365.25) + Math.cos((2 * Math.PI * (hour - 15)) / 24) + 0.15 * normal(seed, ts / 60_000, 2);
  const level = station.meanLevelCm + 20 * rainySeason(ts) + (station.tideRangeCm / 2) * tide(ts) + 2 * normal(seed, ts / 60_000, 3);
  const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;
  return {
    salinity: round(salinity, 2),
    // ‰ is grams per kilogram: grams per litre differ by the water's density, which salt raises.
    salinity_gl: round(salinity * (0.997 + 0.00075 * salinity), 2),
    // Specific conductance (at 25 °C), roughly linear in salinity over this range.
    conductivity: Math.round(50 + p.conductivityPerPerMille * salinity),
    water_level: Math.round(level),
    temperature: round(temperature, 1),
    ph: round(7.15 + (0.9 * salinity) / (salinity + 8) + 0.1 * Math.cos((2 * Math.PI * (hour - 15)) / 24) + 0.03 * normal(seed, ts / 60_000, 4), 2),
    battery: solarBattery(seed, ts, [86, 96]),
  };
}
