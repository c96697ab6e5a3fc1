import fs from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { referenceFile } from '../../server/paths.js';
import { nightOf, readDemoDevices, seasonEnvelope, seedOf, simulate, simulationParams } from './simulation/index.js';

const DAY = 86_400_000;
const params = simulationParams();

/** A trap's nightly BPH catch (the sum of its hourly counts), by night. */
function nights(seed: number, from: string, to: string) {
  const totals = new Map<number, number>();
  for (const e of simulate({ kind: 'LIGHT_TRAP', seed }, Date.parse(from), Date.parse(to))) {
    if (e.values.BPH !== undefined) totals.set(nightOf(e.ts), (totals.get(nightOf(e.ts)) ?? 0) + e.values.BPH);
  }
  return totals;
}

describe('the light-trap simulator', () => {
  it('catches only while the lamp is lit (18:00–06:00 Việt Nam time), and weather and battery every hour', () => {
    const day = [...simulate({ kind: 'LIGHT_TRAP', seed: 1 }, Date.parse('2025-03-10T00:00:00+07:00'), Date.parse('2025-03-11T00:00:00+07:00'))];
    expect(day).toHaveLength(24);
    const counted = day.filter((e) => 'BPH' in e.values).map((e) => new Date(e.ts + 7 * 3_600_000).getUTCHours());
    expect(counted).toEqual([0, 1, 2, 3, 4, 5, 18, 19, 20, 21, 22, 23]);
    for (const e of day) expect(Object.keys(e.values)).toEqual(expect.arrayContaining(['temperature', 'humidity', 'battery']));
    const battery = (h: number) => day.find((e) => new Date(e.ts + 7 * 3_600_000).getUTCHours() === h)!.values.battery!;
    expect(battery(5)).toBeLessThan(battery(18));
    expect(battery(15)).toBe(100);
  });

  it('has one BPH peak every 24–25 days (each month’s 5–6 days earlier), in the hundreds to ~1,500, over a background of 2–80', () => {
    for (const seed of [seedOf('a'), seedOf('b'), 7]) {
      const totals = nights(seed, '2025-01-01T00:00:00Z', '2025-12-31T00:00:00Z');
      const peaks: number[] = [];
      for (const [n, v] of totals) {
        const window = [...totals].filter(([m]) => Math.abs(m - n) <= 8).map(([, w]) => w);
        if (v === Math.max(...window) && v > 200) peaks.push(n);
      }
      const gaps = peaks.slice(1).map((n, i) => n - peaks[i]!);
      expect(peaks.length).toBeGreaterThanOrEqual(13);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(22);
      for (const gap of gaps) expect(gap).toBeLessThanOrEqual(27);
      const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      expect(mean).toBeGreaterThan(24);
      expect(mean).toBeLessThan(25);
      // Where they should be: within a few nights of the cycle (the trap's shift, the wave's jitter, a noisy night) of simulation.json.
      const first = Date.parse(params.lightTrap.species.BPH.firstPeak) / DAY;
      for (const n of peaks) {
        const phase = (n - first) / params.lightTrap.species.BPH.periodDays;
        expect(Math.abs(phase - Math.round(phase)) * params.lightTrap.species.BPH.periodDays).toBeLessThanOrEqual(3.5);
      }
      const heights = peaks.map((n) => totals.get(n)!);
      expect(Math.max(...heights)).toBeLessThan(2000);
      const quiet = [...totals].filter(([n]) => peaks.every((p) => Math.abs(p - n) >= 6)).map(([, v]) => v);
      expect(quiet.sort((a, b) => a - b)[Math.floor(quiet.length / 2)]).toBeLessThan(80);
    }
  });

  it('catches white-backed planthoppers with the brown', () => {
    const bph: number[] = [];
    const wbph: number[] = [];
    for (const e of simulate({ kind: 'LIGHT_TRAP', seed: 3 }, Date.parse('2025-03-01T00:00:00Z'), Date.parse('2025-06-01T00:00:00Z'))) {
      if (e.values.BPH === undefined) continue;
      bph.push(e.values.BPH);
      wbph.push(e.values.WBPH!);
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const [mb, mw] = [mean(bph), mean(wbph)];
    const r = bph.reduce((s, b, i) => s + (b - mb) * (wbph[i]! - mw), 0) / Math.sqrt(bph.reduce((s, b) => s + (b - mb) ** 2, 0) * wbph.reduce((s, w) => s + (w - mw) ** 2, 0));
    expect(r).toBeGreaterThan(0.7);
    expect(mw).toBeLessThan(mb);
  });

  it('is deterministic: the same seed gives the same readings, another seed others', () => {
    const run = (seed: number) => [...simulate({ kind: 'LIGHT_TRAP', seed }, Date.parse('2025-03-20T00:00:00Z'), Date.parse('2025-03-27T00:00:00Z'))];
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
    const station = { kind: 'SALINITY_STATION' as const, seed: 5, station: 'river' };
    // A reading depends on its time only, not on where a run began.
    const long = [...simulate(station, Date.parse('2025-02-01T00:00:00Z'), Date.parse('2025-02-03T00:00:00Z'))];
    const short = [...simulate(station, Date.parse('2025-02-02T00:00:00Z'), Date.parse('2025-02-03T00:00:00Z'))];
    expect(long.slice(96)).toEqual(short);
  });
});

describe('the salinity simulator', () => {
  const dayOf = (station: string, date: string) =>
    [...simulate({ kind: 'SALINITY_STATION', seed: seedOf(station), station }, Date.parse(`${date}T00:00:00+07:00`), Date.parse(`${date}T00:00:00+07:00`) + DAY)];

  it('peaks in the dry season (Feb–Apr) and is near zero in the rainy season', () => {
    const monthly = Array.from({ length: 12 }, (_, m) => seasonEnvelope(params.salinity, Date.UTC(2025, m, 15)));
    const top = monthly.indexOf(Math.max(...monthly));
    expect(top).toBeGreaterThanOrEqual(1);
    expect(top).toBeLessThanOrEqual(3);
    for (const m of [6, 7, 8, 9]) expect(monthly[m]).toBeLessThan(0.01);
    const coastalMax = (date: string) => Math.max(...dayOf('coastal', date).map((e) => e.values.salinity!));
    expect(coastalMax('2025-03-15')).toBeGreaterThan(12);
    expect(coastalMax('2025-09-15')).toBeLessThan(2);
  });

  it('resembles the bulletin of 23/02/2025 (daily max/min g/L), every 15 minutes, semi-diurnal', () => {
    const bulletin: Record<string, [number, number]> = { coastal: [15.6, 11.0], estuary: [11.7, 7.0], river: [4.6, 2.4], inland: [0.9, 0.2] };
    for (const [station, [max, min]] of Object.entries(bulletin)) {
      const day = dayOf(station, '2025-02-23');
      expect(day).toHaveLength(96);
      const gl = day.map((e) => e.values.salinity_gl!);
      expect(Math.max(...gl)).toBeGreaterThan(max * 0.85);
      expect(Math.max(...gl)).toBeLessThan(max * 1.15);
      expect(Math.min(...gl)).toBeGreaterThan(min * 0.7);
      expect(Math.min(...gl)).toBeLessThan(min * 1.3);
      for (const e of day) {
        expect(e.values.salinity_gl! / Math.max(e.values.salinity!, 0.01)).toBeCloseTo(1, 1);
        expect(Math.abs(e.values.conductivity! - (50 + params.salinity.conductivityPerPerMille * e.values.salinity!))).toBeLessThan(10);
      }
    }
    // Two high waters a day: the water level crosses its mean four times.
    const level = dayOf('coastal', '2025-02-23').map((e) => e.values.water_level!);
    const mean = level.reduce((a, b) => a + b, 0) / level.length;
    const crossings = level.slice(1).filter((v, i) => (v - mean) * (level[i]! - mean) < 0).length;
    expect(crossings).toBeGreaterThanOrEqual(3);
    expect(crossings).toBeLessThanOrEqual(6);
  });
});

describe('the demo devices (data/demo/devices.json)', () => {
  it('stand in communes of the former Sóc Trăng, each point inside its old district', () => {
    const cantho = JSON.parse(fs.readFileSync(referenceFile('admin', 'can-tho-2025.json'), 'utf8')) as { fromSocTrang: { code: string; mergedFrom: { districtName: string }[] }[] };
    const districts = JSON.parse(fs.readFileSync(referenceFile('admin', 'soc-trang-districts-open.geojson'), 'utf8')) as { features: { properties: { name: string }; geometry: never }[] };
    const file = readDemoDevices();
    expect(file.devices.filter((d) => d.kind === 'LIGHT_TRAP').length).toBeGreaterThanOrEqual(6);
    expect(file.devices.filter((d) => d.kind === 'SALINITY_STATION')).toHaveLength(4);
    for (const d of file.devices) {
      const commune = cantho.fromSocTrang.find((c) => c.code === d.communeCode);
      expect(commune, d.name).toBeDefined();
      expect(commune!.mergedFrom.map((m) => m.districtName), d.name).toContain(d.oldDistrict);
      const district = districts.features.find((f) => f.properties.name === d.oldDistrict)!;
      expect(booleanPointInPolygon([d.location.lon, d.location.lat], district.geometry), d.name).toBe(true);
      if (d.station) expect(Object.keys(params.salinity.stations)).toContain(d.station);
    }
  });
});
