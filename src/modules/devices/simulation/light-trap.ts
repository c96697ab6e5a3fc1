import type { SimulationParams } from './params.js';
import { moonLight, normal, smoothNoise, uniform } from './random.js';

// A smart light trap: per species, the count caught in each hour the lamp is lit (18:00–06:00 Việt Nam time), on
// nightly totals with the species' peaks; temperature, humidity and battery every hour of the day, since the kind
// is expected every hour and a trap silent all day would show offline.

const HOUR = 3_600_000;
const DAY = 86_400_000;
const VN = 7 * HOUR;
type Species = SimulationParams['lightTrap']['species']['BPH'];
const SPECIES_ID: Record<string, number> = { BPH: 1, WBPH: 2, RLF: 3, YSB: 4 };

/** The day number (days since 1970) of a Việt Nam date. */
export const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY;

/** The night an hour belongs to: the Việt Nam date of its evening (05:00 belongs to the night before). */
export const nightOf = (ts: number) => Math.floor((ts + VN - 18 * HOUR) / DAY);

/**
 * The peaks of a species near a night: their centres and heights. The migration wave is regional, so the centres'
 * jitter and the heights are the species' (not the trap's); each trap sees the wave up to peakShiftDays apart.
 */
export function peaksNear(sp: Species, speciesId: number, night: number, shift: number): { centre: number; height: number }[] {
  const first = dayNumber(sp.firstPeak);
  const k0 = Math.round((night - first) / sp.periodDays);
  return [k0 - 1, k0, k0 + 1].map((k) => ({
    centre: first + k * sp.periodDays + shift + (uniform(speciesId, k, 11) - 0.5),
    height: sp.peakMin + (sp.peakMax - sp.peakMin) * uniform(speciesId, k, 12),
  }));
}

/** A trap's expected catch of one species over one night, before the hour-by-hour noise. */
export function nightTotal(p: SimulationParams['lightTrap'], seed: number, species: 'BPH' | 'RLF' | 'YSB', night: number): number {
  const sp = p.species[species];
  const id = SPECIES_ID[species]!;
  const shift = (uniform(seed, id, 7) - 0.5) * 2 * p.peakShiftDays;
  const scale = 0.75 + 0.35 * uniform(seed, id, 8);
  const peak = peaksNear(sp, id, night, shift).reduce((sum, k) => sum + k.height * Math.exp(-0.5 * ((night - k.centre) / sp.widthNights) ** 2), 0);
  const background = sp.backgroundMin + (sp.backgroundMax - sp.backgroundMin) * uniform(seed, id, night, 9) ** 2.2;
  const moon = 1 + p.moonBoost * (moonLight(night * DAY + 13 * HOUR) - 0.5);
  return (background + peak * scale) * moon * Math.exp(0.15 * normal(seed, id, night, 10));
}

/** 0 in the dry season (Dec–Apr), 1 at the height of the rains (Sept). */
export const rainySeason = (ts: number) => (1 - Math.cos((2 * Math.PI * (dayOfYear(ts) - 60)) / 365.25)) / 2;
export const dayOfYear = (ts: number) => {
  const vn = new Date(ts + VN);
  return (ts + VN - Date.UTC(vn.getUTCFullYear(), 0, 1)) / DAY;
};
export const vnHour = (ts: number) => new Date(ts + VN).getUTCHours();

/** A solar battery: charged by early afternoon, drawn down through the night to its lowest at dawn. */
export function solarBattery(seed: number, ts: number, low: [number, number]): number {
  const h = (ts + VN) / HOUR;
  const hour = ((h % 24) + 24) % 24;
  // The night's low is the coming dawn's: one value from dusk, through the night, into the morning's charge.
  const dawn = Math.floor((h - 6) / 24) + (hour >= 18 || hour < 6 ? 1 : 0);
  const min = low[0] + (low[1] - low[0]) * uniform(seed, dawn, 21);
  let level: number;
  if (hour >= 18) level = 100 - ((100 - min) * (hour - 18)) / 12;
  else if (hour < 6) level = 100 - ((100 - min) * (hour + 6)) / 12;
  else level = Math.min(100, min + (100 - min) * ((hour - 6) / 7) ** 0.8);
  return Math.round(level * 10) / 10;
}

/** The readings of a trap for the hour starting at `ts` (a whole hour). */
export function lightTrapHour(params: SimulationParams, seed: number, ts: number): Record<string, number> {
  const p = params.lightTrap;
  const hour = vnHour(ts);
  const values: Record<string, number> = {};
  const slot = p.nightHoursVn.indexOf(hour);
  if (slot >= 0) {
    const night = nightOf(ts);
    const share = p.hourShares[slot]!;
    // Rounded up or down at random in proportion, so a quiet night's handful is not lost to rounding hour by hour.
    const count = (id: number, total: number) => Math.max(0, Math.floor(total * share * Math.exp(0.2 * normal(seed, id, ts / HOUR, 30)) + uniform(seed, id, ts / HOUR, 33)));
    const bph = nightTotal(p, seed, 'BPH', night);
    const wbph = bph * (p.wbphShareOfBph[0] + (p.wbphShareOfBph[1] - p.wbphShareOfBph[0]) * uniform(seed, night, 31)) + p.wbphBackgroundMax * uniform(seed, night, 32);
    values.BPH = count(1, bph);
    values.WBPH = count(2, wbph);
    values.RLF = count(3, nightTotal(p, seed, 'RLF', night));
    values.YSB = count(4, nightTotal(p, seed, 'YSB', night));
  }
  const { mean, dailySwing } = p.airTemperature;
  const temperature = mean + 1.2 * Math.cos((2 * Math.PI * (dayOfYear(ts) - 110)) / 365.25) + dailySwing * Math.cos((2 * Math.PI * (hour - 14)) / 24)
    + 0.6 * smoothNoise(seed + 41, ts / DAY);
  values.temperature = Math.round(temperature * 10) / 10;
  values.humidity = Math.round(Math.min(99, Math.max(45, 80 - 3.2 * (temperature - mean) + 8 * rainySeason(ts) + 2 * normal(seed, ts / HOUR, 42))));
  values.battery = solarBattery(seed, ts, [p.battery.nightLowMin, p.battery.nightLowMax]);
  return values;
}
