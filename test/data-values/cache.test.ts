import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, analytics, t, u, useDataValuesApp, write, writeMergerValues } from './setup.js';

// In order: each test starts from the figures the one before it left (Phường 2 at 75, from the first).
useDataValuesApp();

describe('analytics over units, periods and the 2025 merger', () => {
  beforeAll(writeMergerValues);

  it('answers the moment a value changes', async () => {
    await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p2, period: '2024', value: 75 }]);
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.district941}&periods=2024`)).toEqual([{ period: '2024', value: 1075 }]);
  });

  it('a cached answer never outlives a change, even one made straight in SQL by another process', async () => {
    const query = `element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.district941}&periods=2024`;
    const before = (await analytics(query))[0].value;
    expect((await analytics(query))[0].value).toBe(before);
    const cached = await t.database.db.selectFrom('analytics_cache').select('key').execute();
    expect(cached.length).toBeGreaterThan(0);
    await t.database.db.updateTable('data_value').set({ numeric_value: 1000, value: '1000' }).where('org_unit_id', '=', u.p2!).where('period', '=', '2024').execute();
    expect(await analytics(query)).toEqual([{ period: '2024', value: before - 75 + 1000 }]);
    await t.database.db.updateTable('data_value').set({ numeric_value: 75, value: '75' }).where('org_unit_id', '=', u.p2!).where('period', '=', '2024').execute();
    expect((await analytics(query))[0].value).toBe(before);
  });

  it('a change in one year leaves the cached answers of the other years in use, and reaches a week that spans two years', async () => {
    const db = t.database.db;
    const cachedAt = async (period: string) => (await db.selectFrom('analytics_cache').select('computed_at').where('key', 'like', `%|${u.district941}|${period}`).executeTakeFirst())?.computed_at;
    await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p2, period: '2024', value: 75 }, { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p2, period: '2023', value: 10 }]);
    const query = `element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.district941}&periods=2024;2023`;
    const first = await analytics(query);
    const [at2023, at2024] = [await cachedAt('2023'), await cachedAt('2024')];
    expect(at2023).toBeDefined();
    await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p2, period: '2024', value: 80 }]);
    expect(await analytics(query)).toEqual([{ period: '2024', value: first[0].value + 5 }, first[1]]);
    expect(await cachedAt('2023')).toEqual(at2023); // served from the cache, not computed again
    expect(await cachedAt('2024')).not.toEqual(at2024);
    await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p2, period: '2024', value: 75 }, { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p2, period: '2023', value: null }]);

    // 2025W01 runs from 30 December 2024 to 5 January 2025: a day's value in either year changes it.
    const combo = await db.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
    await db.insertInto('data_element').values({
      code: 'TEST_DAILY', name_vi: 'Đếm theo ngày', name_en: 'Daily count', value_type: 'integer', agg_units: 'sum', agg_time: 'sum',
      unit_of_measure: 'n', category_combo_id: combo.id, period_types: JSON.stringify(['day', 'week']),
    }).execute();
    const week = `element=TEST_DAILY&orgUnitId=${u.district941}&periods=2025W01`;
    expect(await analytics(week)).toEqual([{ period: '2025W01', value: null }]);
    await write(admin, [{ element: 'TEST_DAILY', orgUnitId: u.p6, period: '20241231', value: 7 }]);
    expect(await analytics(week)).toEqual([{ period: '2025W01', value: 7 }]);
    await write(admin, [{ element: 'TEST_DAILY', orgUnitId: u.p6, period: '20250102', value: 3 }]);
    expect(await analytics(week)).toEqual([{ period: '2025W01', value: 10 }]);
  });

  it('renaming a unit leaves cached answers in use; a change of how units roll up does not', async () => {
    const db = t.database.db;
    const cachedAt = async () => (await db.selectFrom('analytics_cache').select('computed_at').where('key', 'like', `%|${u.district941}|2024`).executeTakeFirst())?.computed_at;
    const query = `element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.district941}&periods=2024`;
    const first = await analytics(query);
    const at = await cachedAt();
    expect(at).toBeDefined();
    const unit = (await admin.request({ method: 'GET', url: `/api/org-units/${u.p2}` })).json().unit;
    const renamed = await admin.request({ method: 'PATCH', url: `/api/org-units/${u.p2}`, payload: { name: `${unit.name} (sửa tên)` } });
    expect(renamed.statusCode).toBe(200);
    expect(await analytics(query)).toEqual(first);
    expect(await cachedAt()).toEqual(at); // served from the cache
    await sql`UPDATE org_unit SET parent_id = parent_id WHERE id = ${u.p2}`.execute(db); // any statement that sets a parent
    expect(await analytics(query)).toEqual(first);
    expect(await cachedAt()).not.toEqual(at); // computed again
    await admin.request({ method: 'PATCH', url: `/api/org-units/${u.p2}`, payload: { name: unit.name } });
  });
});
