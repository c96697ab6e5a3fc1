import { describe, expect, it } from 'vitest';
import { admin, officer, u, useDataValuesApp, write } from './setup.js';

useDataValuesApp();

interface ElementView { code: string; reportedBy: string[] | null; computed: boolean; periodTypes: string[] }

// What each element says about who enters it, and the server holding every entrance to it.
describe('who enters an element', () => {
  it('lists for each element the unit levels that report it and whether the platform computes it', async () => {
    const elements = (await officer.request({ method: 'GET', url: '/api/data-elements' })).json() as ElementView[];
    const byCode = new Map(elements.map((e) => [e.code, e]));
    expect(byCode.get('DTI_RANK')).toMatchObject({ reportedBy: ['province'], computed: false });
    expect(byCode.get('PAYMENT_ACCOUNT_15PLUS')).toMatchObject({ reportedBy: ['province', 'district', 'commune'], computed: false });
    expect(elements.filter((e) => e.computed).length).toBeGreaterThan(0);
  });

  it('refuses a provincial figure entered for a ward, in both languages, and takes the ward\'s own', async () => {
    const rank = await write(officer, [{ element: 'DTI_RANK', orgUnitId: u.socTrang2025, period: '2025', value: 1 }]);
    expect(rank.statusCode).toBe(400);
    expect(rank.json().error).toMatchObject({ code: 'invalid_value', field: 'values.0.orgUnit' });
    expect(rank.json().error.messages.vi).toContain('DTI_RANK do cấp tỉnh báo cáo, không do cấp xã');
    expect(rank.json().error.messages.en).toContain('DTI_RANK is reported by province, not by a commune');
    expect((await write(officer, [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.socTrang2025, period: '2025M11', value: 12 }])).statusCode).toBe(200);
  });

  it('refuses a computed figure from anyone, the administrator included', async () => {
    const computed = ((await admin.request({ method: 'GET', url: '/api/data-elements' })).json() as ElementView[]).find((e) => e.computed)!;
    // A period the element takes, so that what refuses the value is its being computed.
    const period = ({ day: '20251101', week: '2025W44', month: '2025M11', quarter: '2025Q4', sixmonth: '2025S2', year: '2025' } as Record<string, string>)[computed.periodTypes[0]!]!;
    const res = await write(admin, [{ element: computed.code, orgUnitId: u.city2025, period, value: 3 }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messages.vi).toContain(`${computed.code} do hệ thống tự tính, không nhập tay`);
  });
});
