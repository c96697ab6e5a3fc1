import { describe, expect, it } from 'vitest';
import { listInForce } from '../../src/core/org-units/index.js';
import { admin, analytics, t, u, useDataValuesApp, write } from './setup.js';

useDataValuesApp();

describe('writing values', () => {
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
});
