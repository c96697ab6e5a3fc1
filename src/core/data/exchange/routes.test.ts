import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';

let t: TestApp;
let admin: Session;
let dhis2: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const created = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'DHIS2 của Sở Y tế', scopes: ['data-exchange'] } });
  dhis2 = { authorization: `ApiToken ${created.json().token}` };
});
afterAll(() => t?.close());

const values = (period: string, value: string) => ({ dataValues: [{ dataElement: 'PAYMENT_ACCOUNT_15PLUS', period, orgUnit: '31507', value }] });

describe('POST /api/dataValueSets as a DHIS2 client sends it', () => {
  it('refuses a DHIS2 header with an unknown token with 401', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dataValueSets', headers: { authorization: 'ApiToken tsk_nope' }, payload: values('202508', '1') });
    expect(res.statusCode).toBe(401);
  });

  it("names a DHIS2 month that does not exist (202513) as the period at fault, importing nothing", async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dataValueSets', headers: dhis2, payload: values('202513', '1') });
    expect(res.statusCode).toBe(409);
    expect(res.json().conflicts[0]).toMatchObject({ object: '202513', property: 'period', errorCode: 'not_period' });
  });

  it("stores DHIS2's month 202508 as August 2025, and gives it back in DHIS2's form in JSON and CSV", async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dataValueSets', headers: dhis2, payload: values('202508', '42') });
    expect(res.statusCode).toBe(200);
    expect(res.json().importCount).toMatchObject({ imported: 1 });

    const unit = (await admin.request({ method: 'GET', url: '/api/org-units?asOf=2025-08-31' })).json().find((u: { code: string }) => u.code === '31507');
    const stored = await admin.request({ method: 'GET', url: `/api/data-values?element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${unit.id}&period=2025M08` });
    expect(stored.json()).toMatchObject([{ period: '2025M08', value: '42' }]);

    const query = '/api/dataValueSets?dataElement=PAYMENT_ACCOUNT_15PLUS&orgUnit=31507&period=202508';
    const json = await t.app.inject({ method: 'GET', url: query, headers: dhis2 });
    expect(json.json().dataValues).toMatchObject([{ period: '202508', orgUnit: '31507', value: '42' }]);
    const csv = await t.app.inject({ method: 'GET', url: `${query}&format=csv`, headers: dhis2 });
    expect(csv.body.split('\n')[1]).toMatch(/^PAYMENT_ACCOUNT_15PLUS,202508,31507,/);
  });

  it("takes the store's own month code too, so files written before keep importing", async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dataValueSets', headers: dhis2, payload: values('2025M08', '43') });
    expect(res.json().importCount).toMatchObject({ updated: 1 });
  });
});

describe("DHIS2's dataSet: a reporting regime's form", () => {
  const row = (dataElement: string, value: string) => ({ dataElement, period: '202510', orgUnit: '31507', value });

  it('refuses a data set no regime has, naming it, before reading a row', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dataValueSets', headers: dhis2, payload: { dataSet: 'BC_NOPE', dataValues: [row('RP_TTHC_RECEIVED', '1')] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'unknown_data_set', field: 'dataSet' });
    expect(res.json().error.messages.vi).toContain('BC_NOPE');
  });

  it("imports the rows of the regime's elements and names every row of another element as a conflict", async () => {
    const refused = await t.app.inject({
      method: 'POST', url: '/api/dataValueSets', headers: dhis2,
      payload: { dataSet: 'BC_TTHC', dataValues: [row('RP_TTHC_RECEIVED', '120'), row('PAYMENT_ACCOUNT_15PLUS', '7')] },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().conflicts).toEqual([expect.objectContaining({ object: 'PAYMENT_ACCOUNT_15PLUS', errorCode: 'not_in_data_set', indexes: [1] })]);
    expect(refused.json().conflicts[0].vi).toBe('chỉ tiêu PAYMENT_ACCOUNT_15PLUS không thuộc bộ dữ liệu BC_TTHC');

    const res = await t.app.inject({
      method: 'POST', url: '/api/dataValueSets?dataSet=BC_TTHC', headers: dhis2,
      payload: { dataValues: [row('RP_TTHC_RECEIVED', '120'), row('RP_TTHC_ON_TIME', '118')] },
    });
    expect(res.json().importCount).toMatchObject({ imported: 2 });
  });

  it("gives back the regime's values when asked by data set, and no other element's", async () => {
    await t.app.inject({ method: 'POST', url: '/api/dataValueSets', headers: dhis2, payload: values('202510', '9') });
    const res = await t.app.inject({ method: 'GET', url: '/api/dataValueSets?dataSet=BC_TTHC&orgUnit=31507&period=202510', headers: dhis2 });
    expect(res.statusCode).toBe(200);
    expect(res.json().dataValues.map((v: { dataElement: string; value: string }) => `${v.dataElement}=${v.value}`).sort()).toEqual(['RP_TTHC_ON_TIME=118', 'RP_TTHC_RECEIVED=120']);
    const neither = await t.app.inject({ method: 'GET', url: '/api/dataValueSets?orgUnit=31507&period=202510', headers: dhis2 });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.field).toBe('querystring.dataElement');
    expect(neither.json().error.messages.vi).toContain('bộ dữ liệu (dataSet)');
  });
});
