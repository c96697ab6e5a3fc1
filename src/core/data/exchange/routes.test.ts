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
