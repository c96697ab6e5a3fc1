import { expect } from 'vitest';
import { storeReadings } from '../src/modules/devices/index.js';
import { createTestApp, unitId, type Session, type TestApp } from './helpers.js';

// A season of light-trap nights and salinity days for the agronomy tests: planthopper peaks 25 days apart, the third
// an outbreak, on a trap in a commune; a coastal station that reads in ‰ and one that reads conductivity only.

export const NOW = new Date('2026-11-30T03:00:00Z'); // 10:00 in Việt Nam, 30/11/2026
export const FIRST_NIGHT = '2026-08-15';
export const LAST_NIGHT = '2026-11-29';
export const PEAKS = { '2026-09-05': 600, '2026-09-30': 900, '2026-10-25': 1400, '2026-11-19': 700 } as Record<string, number>;

const DAY = 86_400_000;
export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The planthoppers a trap caught on a night: a small background, the peaks with a night either side. */
export function bphOf(night: string): number {
  const background = 8 + (Date.parse(night) / DAY) % 9;
  for (const [peak, count] of Object.entries(PEAKS)) {
    if (night === peak) return count;
    if (night === addDays(peak, -1) || night === addDays(peak, 1)) return Math.round(count * 0.4);
  }
  return background;
}

export interface AgronomyWorld { t: TestApp; admin: Session; officer: Session; reviewer: Session; commune: number; ward: number; trap: number; trapToken: string; station: number; stationToken: string; probe: number; manual: number }

/** `manual`: a lamp of the same commune that sends nothing, its nights counted by hand. */
export interface AgronomySeason { commune: number; ward: number; trap: number; trapToken: string; station: number; stationToken: string; probe: number; manual: number }

export async function agronomyWorld(): Promise<AgronomyWorld> {
  const t = await createTestApp();
  t.ctx.clock.now = NOW;
  const [admin, officer, reviewer] = await Promise.all([t.login('admin'), t.login('canbo'), t.login('thamdinh')]);
  return { t, admin, officer, reviewer, ...(await seedAgronomySeason(t, admin)) };
}

/** The season's devices (a trap, a station, a probe in ward 31507) and the trap's nights, on any test app (a browser suite's too). */
export async function seedAgronomySeason(t: TestApp, admin: Session): Promise<AgronomySeason> {
  const ward = await unitId(t, '31507', '2025-07-01');
  const commune = ward;
  const device = async (kind: string, name: string, location: { lat: number; lon: number }) => {
    const res = await admin.request({ method: 'POST', url: '/api/devices', payload: { kind, name, unitId: commune, location } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { device: { id: number }; token: string };
  };
  const trap = await device('LIGHT_TRAP', 'Bẫy đèn HTX Phước An', { lat: 9.6, lon: 105.97 });
  const station = await device('SALINITY_STATION', 'Trạm mặn Đại Ngãi', { lat: 9.72, lon: 106.07 });
  const probe = await device('SALINITY_STATION', 'Trạm đo độ dẫn Cái Trâm', { lat: 9.61, lon: 105.95 });
  const manual = await device('LIGHT_TRAP', 'Bẫy đèn thủ công HTX Phước An', { lat: 9.61, lon: 105.98 });
  const rows = [];
  for (let night = FIRST_NIGHT; night <= LAST_NIGHT; night = addDays(night, 1)) {
    const evening = Date.parse(`${night}T12:00:00Z`); // 19:00 in Việt Nam
    const bph = bphOf(night);
    // Split over two hours of the night, and one reading of the day (10:00) that no night may count.
    rows.push({ deviceId: trap.device.id, key: 'BPH', ts: new Date(evening), value: Math.ceil(bph / 2) });
    rows.push({ deviceId: trap.device.id, key: 'BPH', ts: new Date(evening + 4 * 3_600_000), value: Math.floor(bph / 2) });
    rows.push({ deviceId: trap.device.id, key: 'BPH', ts: new Date(evening - 9 * 3_600_000), value: 5000 });
    rows.push({ deviceId: trap.device.id, key: 'RLF', ts: new Date(evening), value: 10 });
  }
  await storeReadings(t.database.db, rows);
  return { commune, ward, trap: trap.device.id, trapToken: trap.token, station: station.device.id, stationToken: station.token, probe: probe.device.id, manual: manual.device.id };
}
