import { describe, expect, it } from 'vitest';
import { agronomyReference } from '../reference.js';
import { peakEpisodes, scoreNights } from './baseline.js';
import { forecastPeaks, sowingWindows } from './forecast.js';
import { dayInPerMille, salinityFromConductivity } from './salinity.js';

const { settings, species } = agronomyReference();
const bph = species.find((s) => s.code === 'BPH')!;
const DAY = 86_400_000;
const day = (n: number) => new Date(Date.parse('2026-06-01T00:00:00Z') + n * DAY).toISOString().slice(0, 10);

/** A synthetic season: 0–6 insects a night, and a migration every 25 nights that rises over three nights to its peak. */
function season(peakHeights: number[], offset = 12) {
  const nights: { night: string; count: number }[] = [];
  for (let n = 0; n < 130; n++) {
    let count = (n * 7) % 7;
    peakHeights.forEach((h, k) => {
      const d = n - (offset + 25 * k);
      if (d === 0) count = h;
      else if (Math.abs(d) === 1) count = Math.round(h / 3);
    });
    nights.push({ night: day(n), count });
  }
  return nights;
}

describe('a trap against its own baseline', () => {
  it('finds each migration of a synthetic season, even peaks below the absolute tier, and calls the tallest an outbreak', () => {
    const scored = scoreNights(season([120, 240, 1500, 180, 90]), bph, settings.baseline);
    const episodes = peakEpisodes(scored, settings.forecast.episodeGapDays);
    expect(episodes.map((e) => e.peak)).toEqual([day(12), day(37), day(62), day(87), day(112)]);
    expect(episodes.map((e) => e.level)).toEqual(['peak', 'peak', 'outbreak', 'peak', 'peak']);
    // The peak itself does not raise the baseline of the next nights: the median stays at the background.
    expect(scored.find((n) => n.night === day(64))!.median).toBeLessThan(10);
  });

  it('does not call a peak on a quiet trap whose counts wobble by a few insects, nor before it has a baseline', () => {
    const quiet = Array.from({ length: 60 }, (_, n) => ({ night: day(n), count: [0, 1, 2, 0, 3, 1, 0, 8][n % 8]! }));
    expect(scoreNights(quiet, bph, settings.baseline).filter((n) => n.level !== 'normal')).toEqual([]);
    const early = scoreNights([{ night: day(0), count: 40 }, { night: day(1), count: 200 }], bph, settings.baseline);
    expect(early.map((n) => n.level)).toEqual(['normal', 'normal']);
    expect(scoreNights([{ night: day(0), count: 300 }], bph, settings.baseline)[0]!.level).toBe('peak');
  });
});

describe('the migration forecast and the sowing windows', () => {
  it('takes the interval the traps show, predicts the next peaks after the day and opens a 7-day window 3 days after each', () => {
    const episodes = peakEpisodes(scoreNights(season([400, 500, 600]), bph, settings.baseline), settings.forecast.episodeGapDays);
    const forecast = forecastPeaks(episodes, day(70), settings.forecast);
    expect(forecast).toMatchObject({ intervalDays: 25, intervalFrom: 'traps', predicted: [day(87), day(112), day(137)] });
    expect(sowingWindows(forecast.predicted, settings.forecast)[0]).toEqual({ round: 1, peak: day(87), from: day(90), to: day(96) });
  });

  it('falls back on the configured interval (a month less 5–6 days) from a single peak', () => {
    const episodes = peakEpisodes(scoreNights(season([500]), bph, settings.baseline), settings.forecast.episodeGapDays);
    const forecast = forecastPeaks(episodes, day(20), settings.forecast);
    expect(forecast.intervalFrom).toBe('settings');
    expect(forecast.predicted[0]).toBe(day(12 + Math.round(settings.forecast.peakIntervalDays)));
  });
});

describe('salinity from what a station sends', () => {
  it('converts conductivity by PSS-78: standard sea water is 35, and 2 mS/cm at 25 °C is about 1‰', () => {
    expect(salinityFromConductivity(42_914, 15)).toBeCloseTo(35, 3);
    expect(salinityFromConductivity(53_087, 25)).toBeCloseTo(35, 1);
    expect(salinityFromConductivity(2_000, 25)).toBeCloseTo(1.02, 2);
    expect(salinityFromConductivity(0)).toBe(0);
  });

  it('prefers a station\'s own salinity, in ‰ or g/L, and converts conductivity only when that is all it has', () => {
    expect(dayInPerMille(new Map([['salinity_gl', { min: 2.4, max: 4.6, mean: 3 }]]), settings.salinity.unitsPerMille)).toEqual({ min: 2.4, max: 4.6, from: 'salinity_gl' });
    const probe = dayInPerMille(new Map([['conductivity', { min: 400, max: 2000, mean: 1000 }], ['temperature', { min: 28, max: 30, mean: 25 }]]), settings.salinity.unitsPerMille)!;
    expect(probe.from).toBe('conductivity');
    expect(probe.max).toBeCloseTo(1.02, 2);
    expect(dayInPerMille(new Map([['ph', { min: 7, max: 7, mean: 7 }]]), settings.salinity.unitsPerMille)).toBeNull();
  });
});
