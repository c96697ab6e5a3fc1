import { describe, expect, it } from 'vitest';
import { admin, ids, open, p5, t, useReportingApp } from './test-setup.js';

// The seeded regimes, a changed form as a new version, and a regime expecting only the units of one type.
useReportingApp();

describe('regimes', () => {
  it('seeds the 13 demonstration regimes, marked as such, each with a versioned form', async () => {
    const list = (await p5.request({ method: 'GET', url: '/api/reporting/regimes' })).json();
    expect(list).toHaveLength(13);
    expect(list.every((r: { demo: boolean }) => r.demo)).toBe(true);
    expect(list.filter((r: { electronic: boolean }) => !r.electronic).map((r: { code: string }) => r.code).sort()).toEqual(['BC_DT', 'BC_TDKT']);
    const cds = (await p5.request({ method: 'GET', url: '/api/reporting/regimes/BC_CDS' })).json();
    expect(cds).toMatchObject({ frequency: 'month', period_basis: 'decree09', deadline_rule: { kind: 'working_days_after_cutoff', days: 3 }, form: { version: 1 } });
  });
});

describe('forms are versioned', () => {
  it('a changed form is a new version; a report keeps the version it was made with', async () => {
    const before = (await open(p5, ids.p5, '2024M07')).json();
    const regime = (await admin.request({ method: 'GET', url: '/api/reporting/regimes/BC_CDS' })).json();
    const form = regime.form.definition;
    form.sections[0].items.push({ element: 'RP_NEW_ENTERPRISES', required: true, min: 0 });
    const body = {
      code: 'BC_CDS', nameVi: regime.name_vi, nameEn: regime.name_en, kind: regime.kind, content: regime.content, reportingLevel: regime.reporting_level, reportingUnitType: null,
      receivingUnitCode: '92', sendingMethod: regime.sending_method, frequency: regime.frequency, basis: regime.period_basis, deadline: regime.deadline_rule,
      guidance: regime.guidance, legalBasis: regime.legal_basis, electronic: regime.electronic, form,
    };
    const saved = await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_CDS', payload: body });
    expect(saved.json(), saved.body).toMatchObject({ formVersion: 2 });
    expect((await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_CDS', payload: body })).json().formVersion).toBe(2);
    const badRule = await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_CDS', payload: { ...body, form: { ...form, rules: [{ code: 'X', left: 'NOPE', op: '<=', right: 'RP_DOSSIERS_TOTAL', severity: 'error', messageVi: 'x', messageEn: 'x' }] } } });
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().error.field).toBe('form.rules.0.left');
    const noCoc = await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_CDS', payload: { ...body, form: { ...form, sections: [{ ...form.sections[0], items: [...form.sections[0].items, { element: 'RP_DIGITAL_SKILLS_TRAINED' }] }, ...form.sections.slice(1)] } } });
    expect(noCoc.json().error.field).toBe(`form.sections.0.items.${form.sections[0].items.length}.coc`);
    expect((await p5.request({ method: 'GET', url: `/api/reporting/reports/${before.id}` })).json().form.version).toBe(1);
    expect((await open(p5, ids.p5, '2024M08')).json().form.version).toBe(2);
  });
});

describe('reporting units by type', () => {
  it('a regime for the wards only expects the wards of its level, not the communes', async () => {
    t.ctx.clock.now = null;
    const regime = (await admin.request({ method: 'GET', url: '/api/reporting/regimes/BC_ATTP' })).json();
    const body = {
      code: 'BC_PHUONG', nameVi: 'Báo cáo trật tự đô thị (phường)', nameEn: 'Urban order report (wards)', kind: 'periodic', content: 'Trật tự đô thị',
      reportingLevel: 'commune', reportingUnitType: 'Phường', receivingUnitCode: '92', sendingMethod: 'Hệ thống', frequency: 'quarter', basis: 'decree09',
      deadline: { kind: 'day_of_month', day: 20, monthsAfterCutoff: 0, nextWorkingDay: true }, guidance: null, legalBasis: null, electronic: true, form: regime.form.definition,
    };
    expect((await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_PHUONG', payload: body })).statusCode).toBe(200);
    const c = (await admin.request({ method: 'GET', url: '/api/reporting/completeness?regime=BC_PHUONG&period=2026Q3' })).json();
    const types = await t.database.db.selectFrom('org_unit').select('type').where('id', 'in', c.units.map((u: { unitId: number }) => u.unitId)).execute();
    expect(c.expected).toBeGreaterThan(0);
    expect(c.expected).toBeLessThan(103);
    expect(new Set(types.map((x) => x.type))).toEqual(new Set(['Phường']));
    const message = (await admin.request({ method: 'GET', url: '/api/reporting/exchange/qcvn125?packet=CHE_DO_BAO_CAO&regime=BC_PHUONG' })).json();
    expect(message.body[0].doiTuongThucHien).toEqual({ capDonVi: 'commune', loaiDonVi: 'Phường' });
  });
});
