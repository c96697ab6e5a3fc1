import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { createDevice, maintainTelemetry, storeReadings } from './index.js';
import { SYSTEM } from '../../core/access/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const partitions = async () => (await sql<{ name: string }>`
  SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'telemetry'::regclass ORDER BY 1`.execute(t.database.db)).rows.map((r) => r.name);
const count = async (table: 'telemetry' | 'telemetry_hourly' | 'telemetry_daily' | 'telemetry_nightly', id: number) =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('device_id', '=', id).executeTakeFirstOrThrow()).n);

describe('the devices.maintain job', () => {
  it('makes the coming months beyond those of the migration, moving readings out of the default partition', async () => {
    const { device } = await createDevice({ db: t.database.db, actor: SYSTEM, now: new Date(), input: { kind: 'LIGHT_TRAP', name: 'Bẫy bảo trì', location: null, ownerUnitId: null } });
    // A clock ahead: a reading of March 2028 lands in the default partition until its month exists.
    await storeReadings(t.database.db, [{ deviceId: device.id, key: 'BPH', ts: new Date('2028-03-05T12:00:00Z'), value: 7 }]);
    expect(await partitions()).not.toContain('telemetry_2028_01');
    const result = await maintainTelemetry(t.database.db, new Date('2027-12-20T00:00:00Z'), 0);
    expect(result).toEqual({ created: ['telemetry_2028_01', 'telemetry_2028_02', 'telemetry_2028_03'], dropped: [] });
    const where = await sql<{ p: string }>`SELECT tableoid::regclass::text AS p FROM telemetry WHERE device_id = ${device.id}`.execute(t.database.db);
    expect(where.rows.map((r) => r.p)).toEqual(['telemetry_2028_03']);
    // A second run the same day has nothing to do.
    expect(await maintainTelemetry(t.database.db, new Date('2027-12-21T00:00:00Z'), 0)).toEqual({ created: [], dropped: [] });
  });

  it('with a retention, drops whole months before it and the aggregates of those months, keeping the rest', async () => {
    const { device } = await createDevice({ db: t.database.db, actor: SYSTEM, now: new Date(), input: { kind: 'LIGHT_TRAP', name: 'Bẫy lưu giữ', location: null, ownerUnitId: null } });
    await storeReadings(t.database.db, [
      { deviceId: device.id, key: 'BPH', ts: new Date('2024-03-10T12:00:00Z'), value: 1 },
      { deviceId: device.id, key: 'BPH', ts: new Date('2026-05-31T12:00:00Z'), value: 2 },
      { deviceId: device.id, key: 'BPH', ts: new Date('2026-06-02T12:00:00Z'), value: 3 },
    ]);
    expect(await count('telemetry_hourly', device.id)).toBe(3);
    expect(await count('telemetry_nightly', device.id)).toBe(3);
    const result = await maintainTelemetry(t.database.db, new Date('2026-12-15T00:00:00Z'), 6);
    expect(result.dropped).toContain('telemetry_2024_03');
    expect(result.dropped.at(-1)).toBe('telemetry_2026_05');
    expect(await partitions()).toContain('telemetry_2026_06');
    expect(await partitions()).not.toContain('telemetry_2026_05');
    const left = await t.database.db.selectFrom('telemetry').select('value').where('device_id', '=', device.id).execute();
    expect(left.map((r) => r.value)).toEqual([3]);
    expect(await count('telemetry_hourly', device.id)).toBe(1);
    expect(await count('telemetry_daily', device.id)).toBe(1);
    expect(await count('telemetry_nightly', device.id)).toBe(1);
  });
});
