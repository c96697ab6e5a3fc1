import { addDays } from '../../../core/calendar/index.js';
import type { AgronomySettings } from '../reference.js';
import type { Episode } from './baseline.js';

// The migration forecast: brown planthoppers arrive about once a month, each peak 5–6 days earlier in the month than
// the last (one generation ≈ 22–25 days). The traps' own interval is used once they show two peaks that fit it;
// until then the configured one. Sowing windows open just after each predicted peak, so that seedlings are still
// under water or in the soil while the migrants land.

const DAY_MS = 86_400_000;
const between = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

export interface Forecast {
  /** Peaks the traps showed, oldest first. */
  observed: { peak: string; count: number }[];
  intervalDays: number;
  intervalFrom: 'traps' | 'settings';
  predicted: string[];
}

export function forecastPeaks(episodes: Episode[], after: string, settings: AgronomySettings['forecast']): Forecast {
  const observed = episodes.map((e) => ({ peak: e.peak, count: e.count }));
  const gaps = observed.slice(1).map((e, i) => between(observed[i]!.peak, e.peak)).filter((g) => g >= settings.minIntervalDays && g <= settings.maxIntervalDays);
  const fromTraps = gaps.length > 0;
  const intervalDays = fromTraps ? gaps.reduce((a, b) => a + b, 0) / gaps.length : settings.peakIntervalDays;
  const predicted: string[] = [];
  const last = observed.at(-1)?.peak;
  if (last) {
    // From the last peak seen, one interval at a time, the first `rounds` peaks after the day the forecast is for.
    for (let k = 1; predicted.length < settings.rounds && k < 60; k++) {
      const day = addDays(last, Math.round(k * intervalDays));
      if (day > after) predicted.push(day);
    }
  }
  return { observed, intervalDays: Math.round(intervalDays * 10) / 10, intervalFrom: fromTraps ? 'traps' : 'settings', predicted };
}

export interface Window { round: number; peak: string; from: string; to: string }

/** One sowing window after each predicted peak: `windowOffsetDays` after it, `windowDays` long, both ends included. */
export function sowingWindows(predicted: string[], settings: AgronomySettings['forecast']): Window[] {
  return predicted.map((peak, i) => {
    const from = addDays(peak, settings.windowOffsetDays);
    return { round: i + 1, peak, from, to: addDays(from, settings.windowDays - 1) };
  });
}
