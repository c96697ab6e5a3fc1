import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, analytics, t, u, useDataValuesApp, write, writeMergerValues } from './setup.js';

useDataValuesApp();

describe('analytics over units, periods and the 2025 merger', () => {
  beforeAll(writeMergerValues);

  it('year totals stay equal to the values they total, through every kind of write', async () => {
    const db = t.database.db;
    const definition = async () => (await sql<{ k: string }>`
      SELECT string_agg(element_id || ':' || org_unit_id || ':' || year || ':' || coc_id || ':' || period_type || '=' || total::text || '/' || n, ',' ORDER BY element_id, org_unit_id, year, coc_id, period_type) AS k
      FROM (SELECT element_id, org_unit_id, extract(year FROM start_date)::int AS year, coc_id, period_type, sum(numeric_value::numeric) AS total, count(*) AS n
            FROM data_value WHERE NOT deleted AND numeric_value IS NOT NULL AND extract(year FROM start_date) = extract(year FROM end_date)
            GROUP BY 1, 2, 3, 4, 5) d`.execute(db)).rows[0]!.k;
    const kept = async () => (await sql<{ k: string }>`
      SELECT string_agg(element_id || ':' || org_unit_id || ':' || year || ':' || coc_id || ':' || period_type || '=' || total::text || '/' || n, ',' ORDER BY element_id, org_unit_id, year, coc_id, period_type) AS k
      FROM data_value_year_total WHERE n <> 0`.execute(db)).rows[0]!.k;
    expect(await kept()).toBe(await definition());
    const ok = async (values: unknown[]) => expect((await write(admin, values)).statusCode).toBe(200);
    await ok([
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2022M03', value: 12 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2022M04', value: 3 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2022', value: 99 },
    ]);
    expect(await kept()).toBe(await definition());
    await ok([{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2022M04', value: 4 }, { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2022M03', value: null }]);
    expect(await kept()).toBe(await definition());
    await ok([{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2022M03', value: 5 }]); // restored
    await db.updateTable('data_value').set({ numeric_value: 7, value: '7' }).where('org_unit_id', '=', u.p7!).where('period', '=', '2022').execute(); // straight in SQL
    expect(await kept()).toBe(await definition());
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.p7}&periods=2022`)).toEqual([{ period: '2022', value: 7 }]);
    // A value with no history (written straight in SQL) may be deleted outright: its total goes with it.
    const element = await db.selectFrom('data_element').select('id').where('code', '=', 'PAYMENT_ACCOUNT_15PLUS').executeTakeFirstOrThrow();
    const coc = await db.selectFrom('category_option_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
    await db.insertInto('data_value').values({ element_id: element.id, org_unit_id: u.p7!, period: '2022M09', period_type: 'month', start_date: '2022-09-01', end_date: '2022-09-30', coc_id: coc.id, value: '40', numeric_value: 40, stored_by: 'test', source_kind: 'manual' }).execute();
    expect(await kept()).toBe(await definition());
    await db.deleteFrom('data_value').where('org_unit_id', '=', u.p7!).where('period', '=', '2022M09').execute();
    expect(await kept()).toBe(await definition());
  });

  it('the database itself refuses a value of no element, unit or disaggregation, and deleting what values refer to', async () => {
    const db = t.database.db;
    const element = await db.selectFrom('data_element').select('id').where('code', '=', 'PAYMENT_ACCOUNT_15PLUS').executeTakeFirstOrThrow();
    const coc = await db.selectFrom('category_option_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
    const row = { element_id: element.id, org_unit_id: u.p6!, period: '2019', period_type: 'year', start_date: '2019-01-01', end_date: '2019-12-31', coc_id: coc.id, value: '1', numeric_value: 1, stored_by: 'test', source_kind: 'manual' as const };
    await expect(db.insertInto('data_value').values({ ...row, element_id: 987654321 }).execute()).rejects.toThrow(/no data element 987654321/);
    await expect(db.insertInto('data_value').values({ ...row, org_unit_id: 987654321 }).execute()).rejects.toThrow(/no organisation unit 987654321/);
    await expect(db.insertInto('data_value').values({ ...row, coc_id: 987654321 }).execute()).rejects.toThrow(/no category option combo 987654321/);
    await expect(db.deleteFrom('data_element').where('id', '=', element.id).execute()).rejects.toThrow(/still referred to/);
    await expect(db.deleteFrom('org_unit').where('id', '=', u.p6!).execute()).rejects.toThrow(/still referred to/);
    const value = await db.selectFrom('data_value').select('id').where('element_id', '=', element.id).executeTakeFirstOrThrow();
    await expect(db.deleteFrom('data_value').where('id', '=', value.id).execute()).rejects.toThrow(/still referred to/);
  });
});
