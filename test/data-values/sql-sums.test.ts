import { describe, expect, it } from 'vitest';
import { Analytics, parsePeriod } from '../../src/core/data/index.js';
import { admin, t, u, useDataValuesApp, write } from './setup.js';

useDataValuesApp();

describe('the database sums additive elements exactly as the general rules do', () => {
  it('agrees on units, periods, merged communes, own values and mixed period types', async () => {
    const combo = await t.database.db.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
    await t.database.db.insertInto('data_element').values({
      code: 'TEST_COUNT', name_vi: 'Đếm thử', name_en: 'Test count', value_type: 'integer', agg_units: 'sum', agg_time: 'sum',
      unit_of_measure: 'n', category_combo_id: combo.id, period_types: JSON.stringify(['year', 'quarter', 'month']),
    }).execute();
    const values = [
      ...[u.p5, u.p6, u.p7, u.p8, u.p2].flatMap((unit, k) => ['2024M01', '2024M02', '2024M07', '2024M12'].map((period, j) => ({ element: 'TEST_COUNT', orgUnitId: unit!, period, value: 10 * k + j + 1 }))),
      { element: 'TEST_COUNT', orgUnitId: u.district941!, period: '2024Q3', value: 7 },
      { element: 'TEST_COUNT', orgUnitId: u.socTrang2025!, period: '2025M08', value: 5 },
    ];
    expect((await write(admin, values)).statusCode).toBe(200);
    const periods = ['2024', '2024S1', '2024S2', '2024Q1', '2024Q3', '2024M01', '2024M07', '2025', '2025M08'].map(parsePeriod);
    const cells = Object.values(u).flatMap((unitId) => periods.map((period) => ({ unitId, period })));
    const both = async () => [
      await new Analytics(t.database.db, { cache: false }).elementValues('TEST_COUNT', cells),
      await new Analytics(t.database.db, { cache: false, sqlSums: false }).elementValues('TEST_COUNT', cells),
    ];
    const [inSql, general] = await both();
    expect(inSql).toEqual(general);
    expect(general!.filter((v) => v !== null).length).toBeGreaterThan(20);
    // A quarter beside the months of the same commune: the coarsest type counts, in both paths.
    expect((await write(admin, [{ element: 'TEST_COUNT', orgUnitId: u.p5!, period: '2024Q1', value: 1000 }])).statusCode).toBe(200);
    const [mixedSql, mixedGeneral] = await both();
    expect(mixedSql).toEqual(mixedGeneral);
    expect(mixedGeneral![cells.findIndex((c) => c.unitId === u.p5 && c.period.code === '2024S1')]).toBe(1000);
    const at = (unitId: number, code: string) => general![cells.findIndex((c) => c.unitId === unitId && c.period.code === code)];
    expect(at(u.district941!, '2024Q3')).toBe(7);
    expect(at(u.socTrang2025!, '2025')).toBe(5);

    // Two questions about the same element asked together (two indicators sharing it) are computed once, over the
    // union of their cells, and each gets its own cells back in its own order.
    const analytics = new Analytics(t.database.db, { cache: false });
    const computed: number[] = [];
    const compute = (analytics as unknown as { compute: (...a: unknown[]) => Promise<unknown> }).compute.bind(analytics);
    (analytics as unknown as { compute: (...a: unknown[]) => Promise<unknown> }).compute = (element, coc, asked: unknown) => {
      computed.push((asked as unknown[]).length);
      return compute(element, coc, asked);
    };
    const first = cells.slice(0, 30);
    const second = [...cells.slice(20, 50)].reverse();
    const [a, b, other] = await Promise.all([
      analytics.elementValues('TEST_COUNT', first), analytics.elementValues('TEST_COUNT', second), analytics.elementValues('PAYMENT_ACCOUNT_15PLUS', first),
    ]);
    expect(a).toEqual(mixedGeneral!.slice(0, 30));
    expect(b).toEqual([...mixedGeneral!.slice(20, 50)].reverse());
    expect(other).toHaveLength(30);
    expect(computed.sort((x, y) => x - y)).toEqual([30, 50]);
  });
});
