import { describe, expect, it } from 'vitest';
import { unitId } from '../../../test/helpers.js';
import { officer, t, useOfficerApp } from './test-setup.js';

useOfficerApp();

describe('CSV', () => {
  it('downloads a report as CSV and loads one back, naming every bad line', async () => {
    const ward = await unitId(t, '31507', '2025-07-01');
    const r = (await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_NN', unitId: ward, period: '2026M11' } })).json();
    const csv = await officer.request({ method: 'GET', url: `/api/reporting/reports/${r.id}/csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.replace(/^\uFEFF/, '').split('\n')[1]).toBe('RP_RICE_SOWN_HA,Diện tích lúa gieo trồng,ha,');
    const bad = await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/csv`, headers: { 'content-type': 'text/csv' }, payload: 'maChiTieu,chiTieu,donViTinh,giaTri\nRP_RICE_SOWN_HA,,ha,nhiều\nRP_X,,,1\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((p: { cell: string }) => p.cell)).toEqual(['dòng 2', 'dòng 3']);
    const good = await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/csv`, headers: { 'content-type': 'text/csv' }, payload: 'maChiTieu,chiTieu,donViTinh,giaTri\nRP_RICE_SOWN_HA,,ha,"1250,5"\nRP_RICE_PEST_HA,,ha,40\n' });
    expect(good.statusCode, good.body).toBe(200);
    expect((await officer.request({ method: 'GET', url: `/api/reporting/reports/${r.id}` })).json().values).toEqual({ RP_RICE_SOWN_HA: 1250.5, RP_RICE_PEST_HA: 40 });
  });
});
