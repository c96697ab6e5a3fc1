import { describe, expect, it } from 'vitest';
import { admin, analytics, officer, u, useDataValuesApp } from './setup.js';

// In order: the last test changes the indicator the first one creates.
useDataValuesApp();

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
