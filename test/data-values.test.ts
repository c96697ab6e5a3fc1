import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analytics, isChecked, ValueChecker, writeChecked, parsePeriod } from '../src/core/data/index.js';
import { SYSTEM } from '../src/core/access/index.js';
import { listInForce } from '../src/core/org-units/index.js';
import { createTestApp, unitId, type Session, type TestApp } from './helpers.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let u: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
  u = {
    province: await unitId(t, '94', '2024-12-31'),
    city2025: await unitId(t, '92', '2025-07-01'),
    district941: await unitId(t, '941', '2024-12-31'),
    p5: await unitId(t, '31498', '2024-12-31'),
    p6: await unitId(t, '31507', '2024-12-31'),
    p7: await unitId(t, '31501', '2024-12-31'),
    p8: await unitId(t, '31504', '2024-12-31'),
    p2: await unitId(t, '31510', '2024-12-31'),
    socTrang2025: await unitId(t, '31507', '2025-07-01'),
    phuLoi2025: await unitId(t, '31510', '2025-07-01'),
  };
});
afterAll(() => t?.close());

const write = (s: Session, values: unknown[], dryRun = false) => s.request({ method: 'POST', url: `/api/data-values?dryRun=${dryRun}`, payload: { values } });
const analytics = async (query: string) => (await admin.request({ method: 'GET', url: `/api/analytics?${query}` })).json();

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

  it('takes a whole decade of monthly figures for every commune in one request, then changes and deletes some of them', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/data-elements', payload: {
      code: 'DIGITAL_SKILLS_SESSIONS', nameVi: 'Buổi hướng dẫn kỹ năng số', nameEn: 'Digital skills sessions', valueType: 'integer',
      aggUnits: 'sum', aggTime: 'sum', unit: 'buổi', periodTypes: ['month', 'year'] } });
    expect(created.statusCode).toBe(201);
    const communes = (await listInForce(t.database.db, '2024-12-31', { level: 'commune' })).filter((c) => !c.validFrom).map((c) => c.id);
    const months = Array.from({ length: 120 }, (_, k) => `${2010 + Math.floor(k / 12)}M${String((k % 12) + 1).padStart(2, '0')}`);
    const values = communes.flatMap((id, i) => months.map((period, k) => ({ element: 'DIGITAL_SKILLS_SESSIONS', orgUnitId: id, period, value: i + k })));
    expect(values.length).toBeGreaterThan(10_000);
    const first = await write(admin, values);
    expect(first.statusCode, first.body.slice(0, 300)).toBe(200);
    expect(first.json()).toMatchObject({ imported: values.length, updated: 0, ignored: 0, deleted: 0 });
    // Every third value changes, every fifth unchanged one is deleted, the rest are sent again as they are.
    const second = values.map((v, n) => (n % 3 === 0 ? { ...v, value: v.value + 1000 } : n % 5 === 0 ? { ...v, value: null } : v));
    const changes = await write(admin, second);
    const changed = values.filter((_, n) => n % 3 === 0).length;
    const deleted = values.filter((_, n) => n % 3 !== 0 && n % 5 === 0).length;
    expect(changes.json()).toMatchObject({ imported: 0, updated: changed, deleted, ignored: values.length - changed - deleted });
    const expected = second.filter((v) => v.orgUnitId === communes[0] && v.period.startsWith('2012') && v.value !== null).reduce((sum, v) => sum + (v.value as number), 0);
    expect(await analytics(`element=DIGITAL_SKILLS_SESSIONS&orgUnitId=${communes[0]}&periods=2012`)).toEqual([{ period: '2012', value: expected }]);
    const history = await t.database.db.selectFrom('data_value_history as h').innerJoin('data_value as v', 'v.id', 'h.data_value_id')
      .select((eb) => eb.fn.countAll<string>().as('n')).where('v.element_id', '=', (eb) => eb.selectFrom('data_element').select('id').where('code', '=', 'DIGITAL_SKILLS_SESSIONS')).executeTakeFirstOrThrow();
    expect(Number(history.n)).toBe(values.length + changed + deleted);
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

  it('refuses the whole batch and names every bad row and its reason', async () => {
    const res = await write(admin, [
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2024', value: 200 },
      { element: 'NO_SUCH_ELEMENT', orgUnitId: u.p6, period: '2024', value: 1 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2024M13', value: 1 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2024Q1', value: 1 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: 999999, period: '2024', value: 1 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2025M08', value: 1 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2024', coc: 'TRAINING_PROGRAMME_INFOSEC', value: 1 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2023', value: '12.5' },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2022', value: 'mười' },
      { element: 'HH_FIBRE_MOBILE_PCT', orgUnitId: u.p6, period: '2024', value: 130 },
    ]);
    expect(res.statusCode).toBe(400);
    const reasons = res.json().error.details.map((p: { row: number; field: string; en: string }) => [p.row, p.field, p.en]);
    expect(reasons).toEqual([
      [1, 'dataElement', 'unknown data element NO_SUCH_ELEMENT'],
      [2, 'period', expect.stringContaining('not a period code')],
      [3, 'period', 'PAYMENT_ACCOUNT_15PLUS accepts year, month periods, not quarter'],
      [4, 'orgUnit', 'unknown unit'],
      [5, 'orgUnit', 'the unit was not in force during 2025M08'],
      [6, 'categoryOptionCombo', 'not a disaggregation of PAYMENT_ACCOUNT_15PLUS'],
      [7, 'value', 'not an integer: 12.5'],
      [8, 'value', 'not a number: "mười"'],
      [9, 'value', 'a percentage must lie between 0 and 100: 130'],
    ]);
    expect(res.json().error.details.map((p: { vi: string }) => p.vi)).toEqual([
      'không có chỉ tiêu dữ liệu NO_SUCH_ELEMENT',
      '"2024M13" không phải là mã kỳ (2024, 2024S1, 2024Q3, 2024M07, 2024W31, 20240715)',
      'PAYMENT_ACCOUNT_15PLUS chỉ nhận kỳ năm, tháng, không nhận kỳ quý',
      'không có đơn vị này',
      'đơn vị không có hiệu lực trong kỳ 2025M08',
      'không phải là phân tổ của PAYMENT_ACCOUNT_15PLUS',
      'không phải là số nguyên: 12.5',
      'không phải là số: "mười"',
      'tỷ lệ phần trăm phải từ 0 đến 100: 130',
    ]);
    // The message names the first bad row in the reader's language only.
    expect(res.json().error.messages).toEqual({
      vi: 'Dữ liệu không hợp lệ ở dòng 2 (dataElement): không có chỉ tiêu dữ liệu NO_SUCH_ELEMENT',
      en: 'Invalid value in row 2 (dataElement): unknown data element NO_SUCH_ELEMENT',
    });
    expect(res.json().error.field).toBe('values.1.dataElement');
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

describe('analytics over units, periods and the 2025 merger', () => {
  beforeAll(async () => {
    await write(admin, [
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2024', value: 200 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2024', value: 300 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p8, period: '2024', value: 400 },
      { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p2, period: '2024', value: 50 },
    ]);
  });

  it('sums the communes of a district, and a province reports its own figure when it has one', async () => {
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.district941}&periods=2024`)).toEqual([{ period: '2024', value: 1050 }]);
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.province}&periods=2024;2023`)).toEqual([
      { period: '2024', value: 1050 },
      { period: '2023', value: 644136 },
    ]);
  });

  it('values entered under communes that no longer exist roll up into the commune that succeeded them', async () => {
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.socTrang2025}&periods=2024`)).toEqual([{ period: '2024', value: 1000 }]);
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.phuLoi2025}&periods=2024`)).toEqual([{ period: '2024', value: 50 }]);
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.city2025}&periods=2024`)).toEqual([{ period: '2024', value: 1050 }]);
  });

  it('a district that ended in 2025 keeps its 2024 hierarchy', async () => {
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.district941}&periods=2025`)).toEqual([{ period: '2025', value: null }]);
  });

  it('indicators divide and scale; disaggregations are summed or picked', async () => {
    expect(await analytics(`indicator=NQ07_REPORT_REGIMES&orgUnitId=${u.province}&periods=2023`)).toEqual([{ period: '2023', value: (4 / 13) * 100 }]);
    expect(await analytics(`element=OFFICIALS_TRAINED_DT&orgUnitId=${u.province}&periods=2022`)).toEqual([{ period: '2022', value: 464 }]);
    expect(await analytics(`element=OFFICIALS_TRAINED_DT&coc=TRAINING_PROGRAMME_INFOSEC&orgUnitId=${u.province}&periods=2022`)).toEqual([{ period: '2022', value: 20 }]);
  });

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

  it('refuses a bad analytics request clearly', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/analytics?element=PAYMENT_ACCOUNT_15PLUS&indicator=X&orgUnitId=${u.province}&periods=2024` });
    expect(res.statusCode).toBe(400);
    const period = await admin.request({ method: 'GET', url: `/api/analytics?element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.province}&periods=2024M13` });
    expect(period.json().error.field).toBe('querystring.periods');
  });
});

describe('the Resolution 07 scorecard', () => {
  it('shows each seeded indicator of Tỉnh Sóc Trăng with its latest value, target and status', async () => {
    const card = (await officer.request({ method: 'GET', url: '/api/scorecard' })).json();
    expect(card.unit.code).toBe('94');
    expect(card.pillars.map((p: { pillar: string }) => p.pillar)).toEqual(['government', 'economy', 'society', 'foundations']);
    const all = Object.fromEntries(card.pillars.flatMap((p: { indicators: { code: string }[] }) => p.indicators).map((i: { code: string }) => [i.code, i]));
    expect(all.NQ07_REPORT_REGIMES).toMatchObject({ latest: { year: 2023 }, target: { year: 2025, value: 100 }, status: 'at_risk' });
    expect(all.NQ07_REPORT_REGIMES.latest.value).toBeCloseTo(30.77, 2);
    expect(all.NQ07_HH_FIBRE).toMatchObject({ latest: { year: 2023, value: 100 }, status: 'achieved' });
    expect(all.NQ07_DIGITAL_ECONOMY).toMatchObject({ latest: { year: 2022, value: 7.41 }, target: { year: 2025, value: 20 } });
    expect(all.NQ07_PAYMENT_ACCOUNT).toMatchObject({ latest: { year: 2023, value: 69.29 }, status: 'achieved' });
    expect(all.NQ07_WORKFILES_PROVINCE).toMatchObject({ latest: { year: 2023, value: 87.74 }, status: 'on_track' });
    expect(all.NQ07_OFFICIALS_TRAINED).toMatchObject({ latest: { year: 2022, value: 464 }, status: 'no_target' });
  });

  it('the DTI page shows the rank by year and the pillars against the national average', async () => {
    const dti = (await officer.request({ method: 'GET', url: '/api/scorecard?framework=DTI' })).json();
    const all = Object.fromEntries(dti.pillars.flatMap((p: { indicators: { code: string }[] }) => p.indicators).map((i: { code: string }) => [i.code, i]));
    const years = dti.years as number[];
    expect(years.slice(1, 4)).toEqual([2020, 2021, 2022]);
    expect(all.DTI_RANK.series.slice(1, 4)).toEqual([57, 56, 36]);
    expect(all.DTI_GOV.series[years.indexOf(2022)]).toBe(0.6617);
    expect(all.DTI_NATIONAL_AVG.series[years.indexOf(2022)]).toBe(0.5787);
  });

  it('drills down from an indicator to the units below, and ranks a district among its siblings', async () => {
    const detail = (await officer.request({ method: 'GET', url: `/api/scorecard/indicators/NQ07_REPORT_REGIMES?unitId=${u.province}` })).json();
    expect(detail.children.map((c: { unit: { level: string } }) => c.unit.level)).toEqual(Array(11).fill('district'));
    const district = (await officer.request({ method: 'GET', url: `/api/scorecard?unitId=${u.district941}` })).json();
    expect(district.unit.code).toBe('941');
    const trained = await officer.request({ method: 'GET', url: '/api/scorecard/indicators/NO_SUCH' });
    expect(trained.statusCode).toBe(404);
  });
});

describe('indicators are checked when saved', () => {
  const base = { nameVi: 'Tỷ lệ thử', nameEn: 'Test ratio', pillar: 'government', direction: 'higher' };

  it('creates an indicator whose formula refers to real elements, and computes it at once', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/indicators', payload: { ...base, code: 'TEST_REGIMES_MISSING', numerator: '#{REPORT_REGIMES_TOTAL} - #{REPORT_REGIMES_CONNECTED}' } });
    expect(res.statusCode).toBe(201);
    expect(await analytics(`indicator=TEST_REGIMES_MISSING&orgUnitId=${u.province}&periods=2023`)).toEqual([{ period: '2023', value: 9 }]);
  });

  it.each([
    ['#{REPORT_REGIMES_TOTAL} +', 'numerator', 26, /unexpected end/, /dừng giữa chừng/],
    ['#{REPORT_REGIMES_TOTAL} / #{NO_SUCH}', 'numerator', 27, /unknown data element NO_SUCH/, /không có chỉ tiêu dữ liệu NO_SUCH/],
    ['#{OFFICIALS_TRAINED_DT.SEX_FEMALE}', 'numerator', 1, /not a disaggregation/, /SEX_FEMALE không phải là phân tổ của OFFICIALS_TRAINED_DT/],
    ['eval("1")', 'numerator', 1, /unexpected "e"/, /ký tự "e" không đúng chỗ/],
  ])('refuses %j with the position of the fault, in both languages', async (numerator, field, position, reason, reasonVi) => {
    const res = await admin.request({ method: 'POST', url: '/api/indicators', payload: { ...base, code: 'TEST_BAD', numerator }, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_formula', field });
    expect(res.json().error.messages.en).toContain(`at position ${position}`);
    expect(res.json().error.messages.vi).toContain(`tại vị trí ${position}`);
    expect(res.json().error.messages.en).toMatch(reason);
    expect(res.json().error.messages.vi).toMatch(reasonVi);
    // The editor asks the same question while the formula is being typed.
    const check = await admin.request({ method: 'POST', url: '/api/indicators/check', payload: { numerator, denominator: '#{REPORT_REGIMES_TOTAL}' } });
    expect(check.json()).toEqual({ valid: false, field, position, messages: res.json().error.messages });
  });

  it('the editor checks formulas as they are typed, reads an indicator with its targets, and edits elements within limits', async () => {
    expect((await admin.request({ method: 'POST', url: '/api/indicators/check', payload: { numerator: '#{REPORT_REGIMES_CONNECTED}', denominator: '#{REPORT_REGIMES_TOTAL}' } })).json()).toEqual({ valid: true });
    const badDenominator = (await admin.request({ method: 'POST', url: '/api/indicators/check', payload: { numerator: '1', denominator: '(1' } })).json();
    expect(badDenominator).toMatchObject({ valid: false, field: 'denominator', position: 3 });
    expect((await officer.request({ method: 'POST', url: '/api/indicators/check', payload: { numerator: '1' } })).statusCode).toBe(403);

    const read = (await officer.request({ method: 'GET', url: `/api/indicators/NQ07_REPORT_REGIMES?orgUnitId=${u.province}` })).json();
    expect(read).toMatchObject({ code: 'NQ07_REPORT_REGIMES', numerator: expect.stringContaining('#{'), orgUnitId: u.province });
    expect(read.targets.some((x: { kind: string }) => x.kind === 'target')).toBe(true);
    expect((await officer.request({ method: 'GET', url: `/api/indicators/NO_SUCH?orgUnitId=${u.province}` })).statusCode).toBe(404);

    const renamed = await admin.request({ method: 'PATCH', url: '/api/data-elements/PAYMENT_ACCOUNT_15PLUS', payload: { nameVi: 'Người từ 15 tuổi có tài khoản thanh toán', periodTypes: ['year', 'month', 'quarter'] } });
    expect(renamed.statusCode).toBe(200);
    const elements = (await admin.request({ method: 'GET', url: '/api/data-elements' })).json() as { code: string; nameVi: string; periodTypes: string[] }[];
    expect(elements.find((e) => e.code === 'PAYMENT_ACCOUNT_15PLUS')).toMatchObject({ nameVi: 'Người từ 15 tuổi có tài khoản thanh toán', periodTypes: ['year', 'month', 'quarter'] });
    const typeChange = await admin.request({ method: 'PATCH', url: '/api/data-elements/PAYMENT_ACCOUNT_15PLUS', payload: { valueType: 'text' } });
    expect(typeChange.statusCode).toBe(400);
    expect(typeChange.json().error.field).toBe('aggUnits'); // text is not summed
    expect((await officer.request({ method: 'PATCH', url: '/api/data-elements/PAYMENT_ACCOUNT_15PLUS', payload: { nameVi: 'X' } })).statusCode).toBe(403);
  });

  it('checks a changed denominator too, and sets targets per unit and year', async () => {
    const bad = await admin.request({ method: 'PATCH', url: '/api/indicators/TEST_REGIMES_MISSING', payload: { denominator: '(#{REPORT_REGIMES_TOTAL}' } });
    expect(bad.json().error).toMatchObject({ code: 'invalid_formula', field: 'denominator' });
    const targets = await admin.request({ method: 'PUT', url: '/api/indicators/TEST_REGIMES_MISSING/targets', payload: { orgUnitId: u.province, targets: [{ year: 2025, kind: 'target', value: 0, source: 'thử' }] } });
    expect(targets.statusCode).toBe(200);
    const twice = await admin.request({ method: 'PUT', url: '/api/indicators/TEST_REGIMES_MISSING/targets', payload: { orgUnitId: u.province, targets: [{ year: 2025, kind: 'target', value: 0 }, { year: 2025, kind: 'target', value: 1 }] } });
    expect(twice.json().error.field).toBe('targets.1.year');
    const log = (await admin.request({ method: 'GET', url: '/api/audit?entity=indicator&entityId=TEST_REGIMES_MISSING' })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['indicator.targets', 'indicator.create']);
  });
});

describe('changing how an element aggregates and what its values are', () => {
  it('a new aggregation answers at once; a new value type is refused while stored values do not fit it, then rewrites them', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/data-elements', payload: {
      code: 'TEST_RETYPE', nameVi: 'Thử đổi kiểu', nameEn: 'Retype test', valueType: 'number', aggUnits: 'sum', aggTime: 'last', periodTypes: ['month', 'year'] } });
    expect(created.statusCode).toBe(201);
    expect((await write(admin, [
      { element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M01', value: '10.50' },
      { element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M02', value: 20 },
      { element: 'TEST_RETYPE', orgUnitId: u.p6, period: '2023M02', value: 130 },
    ])).statusCode).toBe(200);
    const year = `element=TEST_RETYPE&orgUnitId=${u.district941}&periods=2023`;
    expect(await analytics(year)).toEqual([{ period: '2023', value: 150 }]); // the last month of each commune, summed
    const summed = await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { aggTime: 'sum' } });
    expect(summed.statusCode).toBe(200);
    expect(await analytics(year)).toEqual([{ period: '2023', value: 160.5 }]); // the cached answer was not served

    // A percentage cannot hold 130: refused, naming the value, and nothing changes.
    const refused = await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'percentage', nameVi: 'Đổi tên' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'values_misfit', field: 'valueType' });
    expect(refused.json().error.messages.vi).toBe('1 giá trị đã lưu không hợp với kiểu mới (đầu tiên: 31507 2023M02: 130); chưa đổi gì.');
    expect(refused.json().error.details).toEqual([{ orgUnit: '31507', period: '2023M02', value: '130', vi: 'tỷ lệ phần trăm phải từ 0 đến 100: 130', en: 'a percentage must lie between 0 and 100: 130' }]);
    const element = (await admin.request({ method: 'GET', url: '/api/data-elements' })).json().find((e: { code: string }) => e.code === 'TEST_RETYPE');
    expect(element).toMatchObject({ valueType: 'number', nameVi: 'Thử đổi kiểu' });

    // An integer cannot hold 10.5 either; once that value is corrected, the change goes through.
    expect((await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'integer' } })).json().error.details[0].vi).toBe('không phải là số nguyên: 10.5');
    await write(admin, [{ element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M01', value: 11 }]);
    expect((await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'integer' } })).statusCode).toBe(200);
    expect(await analytics(year)).toEqual([{ period: '2023', value: 161 }]);
    expect((await write(admin, [{ element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M03', value: '2.5' }])).json().error.details[0].code).toBe('not_integer');

    // As text, a number is kept as it was written; back to a number, it is read again.
    expect((await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'text', aggUnits: 'none', aggTime: 'none' } })).statusCode).toBe(200);
    await write(admin, [{ element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M03', value: '12.50' }]);
    expect((await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'number', aggUnits: 'sum', aggTime: 'sum' } })).statusCode).toBe(200);
    const stored = (await admin.request({ method: 'GET', url: `/api/data-values?element=TEST_RETYPE&orgUnitId=${u.p5}` })).json();
    expect(stored.map((v: { period: string; value: string }) => `${v.period}=${v.value}`).sort()).toEqual(['2023M01=11', '2023M02=20', '2023M03=12.5']);
    expect(await analytics(year)).toEqual([{ period: '2023', value: 173.5 }]);
  });

  it('a value type changed while values are being written waits for them, and then refuses what does not fit', async () => {
    const db = t.database.db;
    expect((await admin.request({ method: 'POST', url: '/api/data-elements', payload: {
      code: 'TEST_RACE', nameVi: 'Thử tranh chấp', nameEn: 'Race test', valueType: 'number', aggUnits: 'sum', aggTime: 'sum', periodTypes: ['year'] } })).statusCode).toBe(201);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let checked!: () => void;
    const checkedOnce = new Promise<void>((resolve) => (checked = resolve));
    // A writer has checked 10.5 as a number inside its transaction and is about to store it...
    const writer = db.transaction().execute(async (trx) => {
      const checker = await ValueChecker.load(trx, SYSTEM);
      const row = checker.check({ element: 'TEST_RACE', orgUnitId: u.p5!, period: '2022', value: '10.5' });
      checked();
      await held;
      if (!isChecked(row)) throw new Error('refused');
      await writeChecked(trx, [row], { who: 'test', kind: 'manual', ref: null });
    });
    await checkedOnce;
    // ...when an administrator makes the element an integer: the change waits for the writer, then sees its value.
    const retype = admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RACE', payload: { valueType: 'integer' } });
    try {
      if (t.database.kind === 'postgres') {
        // On a server the change really waits on the writer's lock (PGlite has one connection: it waits for the writer anyway).
        const waiting = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query ILIKE '%from "data_element"%for update%'`.execute(db)).rows[0]!.n;
        await expect.poll(waiting).toBeGreaterThan(0);
      }
    } finally {
      release();
    }
    await writer;
    const res = await retype;
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('values_misfit');
  });
});

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

describe('administrators define disaggregations and data elements', () => {
  it('a sex × age combination gives 12 disaggregations, an element uses it, values are entered and summed', async () => {
    const combo = await admin.request({ method: 'POST', url: '/api/category-combos', payload: {
      code: 'SEX_AGE', nameVi: 'Giới tính × nhóm tuổi', nameEn: 'Sex × age group', categories: [
        { code: 'SEX', nameVi: 'Giới tính', nameEn: 'Sex', options: [{ code: 'F', nameVi: 'Nữ', nameEn: 'Female' }, { code: 'M', nameVi: 'Nam', nameEn: 'Male' }] },
        { code: 'AGE', nameVi: 'Nhóm tuổi', nameEn: 'Age group', options: ['0_14', '15_24', '25_34', '35_49', '50_64', '65P'].map((c) => ({ code: c, nameVi: c, nameEn: c })) },
      ] } });
    expect(combo.statusCode).toBe(201);
    expect(combo.json().combinations).toHaveLength(12);
    expect(combo.json().combinations[0]).toBe('SEX_F_AGE_0_14');
    const element = await admin.request({ method: 'POST', url: '/api/data-elements', payload: {
      code: 'TRAINED_CITIZENS', nameVi: 'Người dân được hướng dẫn kỹ năng số', nameEn: 'Citizens given basic digital skills', valueType: 'integer',
      aggUnits: 'sum', aggTime: 'sum', unit: 'người', periodTypes: ['month', 'year'], categoryCombo: 'SEX_AGE' } });
    expect(element.statusCode).toBe(201);
    await write(admin, [
      { element: 'TRAINED_CITIZENS', orgUnitId: u.p5, period: '2024M03', coc: 'SEX_F_AGE_15_24', value: 30 },
      { element: 'TRAINED_CITIZENS', orgUnitId: u.p6, period: '2024M04', coc: 'SEX_M_AGE_65P', value: 12 },
    ]);
    expect(await analytics(`element=TRAINED_CITIZENS&orgUnitId=${u.district941}&periods=2024`)).toEqual([{ period: '2024', value: 42 }]);
    expect(await analytics(`element=TRAINED_CITIZENS&coc=SEX_F_AGE_15_24&orgUnitId=${u.socTrang2025}&periods=2024`)).toEqual([{ period: '2024', value: 30 }]);
    const listed = (await admin.request({ method: 'GET', url: '/api/data-elements' })).json().find((e: { code: string }) => e.code === 'TRAINED_CITIZENS');
    expect(listed.disaggregations).toHaveLength(12);
  });

  it('refuses a repeated code, an unknown combination and aggregating text, naming the field', async () => {
    const again = await admin.request({ method: 'POST', url: '/api/data-elements', payload: { code: 'TRAINED_CITIZENS', nameVi: 'X', nameEn: 'X', valueType: 'integer', aggUnits: 'sum', aggTime: 'sum', periodTypes: ['year'] } });
    expect(again.json().error).toMatchObject({ code: 'already_exists', field: 'code' });
    const combo = await admin.request({ method: 'POST', url: '/api/data-elements', payload: { code: 'NEW_ONE', nameVi: 'X', nameEn: 'X', valueType: 'integer', aggUnits: 'sum', aggTime: 'sum', periodTypes: ['year'], categoryCombo: 'NOPE' } });
    expect(combo.json().error).toMatchObject({ code: 'reference_not_found', field: 'categoryCombo' });
    expect(combo.statusCode).toBe(400);
    const text = await admin.request({ method: 'POST', url: '/api/data-elements', payload: { code: 'NOTES', nameVi: 'Ghi chú', nameEn: 'Notes', valueType: 'text', aggUnits: 'sum', aggTime: 'none', periodTypes: ['year'] } });
    expect(text.json().error.field).toBe('aggUnits');
    const options = await admin.request({ method: 'POST', url: '/api/category-combos', payload: { code: 'AREA', nameVi: 'Khu vực', nameEn: 'Area', categories: [
      { code: 'AREA', nameVi: 'Khu vực', nameEn: 'Area', options: [{ code: 'U', nameVi: 'Thành thị', nameEn: 'Urban' }, { code: 'U', nameVi: 'Nông thôn', nameEn: 'Rural' }] }] } });
    expect(options.json().error.field).toBe('categories.0.options');
    // An existing category is shared when its options agree, refused when they differ.
    const other = await admin.request({ method: 'POST', url: '/api/category-combos', payload: { code: 'SEX_OTHER', nameVi: 'Giới tính khác', nameEn: 'Sex, other', categories: [
      { code: 'SEX', nameVi: 'Giới tính', nameEn: 'Sex', options: [{ code: 'F', nameVi: 'Nữ', nameEn: 'Female' }, { code: 'M', nameVi: 'Nam', nameEn: 'Male' }, { code: 'X', nameVi: 'Khác', nameEn: 'Other' }] }] } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.field).toBe('categories.0.options');
  });
});
