import { describe, expect, it } from 'vitest';
import { admin, officer, t, u, useDataValuesApp, write } from './setup.js';

useDataValuesApp();

describe('writing values', () => {
  it('two writers creating the same value at the same time both succeed: one creates it, the other updates it', async () => {
    const values = (v: number) => Array.from({ length: 20 }, (_, i) => ({ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p8, period: `2023M${String((i % 12) + 1).padStart(2, '0')}`, value: v + (i >= 12 ? 1000 : 0) }))
      .filter((x, i, all) => all.findIndex((y) => y.period === x.period) === i);
    const [a, b] = await Promise.all([write(admin, values(1)), write(admin, values(2))]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().imported + b.json().imported).toBe(12);
    expect(a.json().updated + b.json().updated).toBe(12);
    const history = await t.database.db.selectFrom('data_value_history as h').innerJoin('data_value as v', 'v.id', 'h.data_value_id')
      .select((eb) => eb.fn.countAll<string>().as('n')).where('v.org_unit_id', '=', u.p8!).where('v.period', 'like', '2023M%').executeTakeFirstOrThrow();
    expect(Number(history.n)).toBe(24);
  });

  it('stores values with history: who, from where, before and after', async () => {
    const first = await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p5, period: '2024', value: 100 }]);
    expect(first.json()).toMatchObject({ imported: 1, updated: 0, ignored: 0 });
    const again = await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p5, period: '2024', value: 100 }]);
    expect(again.json()).toMatchObject({ imported: 0, updated: 0, ignored: 1 });
    const changed = await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p5, period: '2024', value: '120', comment: 'Số liệu điều chỉnh' }]);
    expect(changed.json()).toMatchObject({ updated: 1 });
    const stored = (await admin.request({ method: 'GET', url: `/api/data-values?element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.p5}` })).json();
    expect(stored).toMatchObject([{ period: '2024', value: '120', coc: 'default', comment: 'Số liệu điều chỉnh', storedBy: 'admin', sourceKind: 'manual' }]);
    const history = (await admin.request({ method: 'GET', url: `/api/data-values/${stored[0].id}/history` })).json();
    expect(history.map((h: { change: string; old_value: string | null; new_value: string }) => [h.change, h.old_value, h.new_value])).toEqual([['create', null, '100'], ['update', '100', '120']]);
  });

  it('deletes softly with a null value, and restores', async () => {
    await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p5, period: '2024', value: null }]);
    expect((await admin.request({ method: 'GET', url: `/api/data-values?element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.p5}` })).json()).toEqual([]);
    const restored = await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p5, period: '2024', value: 100 }]);
    expect(restored.json()).toMatchObject({ updated: 1 });
  });

  it('flags a value for follow-up, and lists the flagged values within the caller\'s units', async () => {
    await write(admin, [
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2023', value: 5, followup: true, comment: 'Cần kiểm tra lại' },
      { element: 'PAYMENT_ACCOUNT_15PLUS_PCT', orgUnitId: u.socTrang2025, period: '2025M07', value: 50, followup: true },
    ]);
    const all = (await admin.request({ method: 'GET', url: '/api/data-values/follow-up' })).json();
    expect(all.map((v: { orgUnitCode: string; period: string }) => `${v.orgUnitCode} ${v.period}`).sort()).toEqual(['31501 2023', '31507 2025M07']);
    const mine = (await officer.request({ method: 'GET', url: '/api/data-values/follow-up' })).json();
    expect(mine.map((v: { orgUnitCode: string }) => v.orgUnitCode)).toEqual(['31507']);
    await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2023', value: 5, followup: false }]);
    expect((await admin.request({ method: 'GET', url: '/api/data-values/follow-up' })).json()).toHaveLength(1);
  });

  it('a dry run counts without writing', async () => {
    const dry = await write(admin, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2024', value: 200 }], true);
    expect(dry.json()).toMatchObject({ imported: 1 });
    expect((await admin.request({ method: 'GET', url: `/api/data-values?element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.p6}` })).json()).toEqual([]);
  });

  it('an officer enters values only for its own units', async () => {
    const own = await write(officer, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.socTrang2025, period: '2025M08', value: 10 }]);
    expect(own.statusCode).toBe(200);
    const other = await write(officer, [
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.socTrang2025, period: '2025M09', value: 10 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.phuLoi2025, period: '2025M08', value: 10 },
    ]);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({ code: 'out_of_scope', field: 'values.1.orgUnitId' });
    expect((await officer.request({ method: 'GET', url: `/api/data-values?element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.socTrang2025}` })).json()).toHaveLength(1);
    expect((await officer.request({ method: 'GET', url: `/api/data-values?element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.phuLoi2025}` })).statusCode).toBe(403);
    const leader = await t.login('lanhdao');
    expect((await write(leader, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.socTrang2025, period: '2025M10', value: 1 }])).statusCode).toBe(403);
  });
});
