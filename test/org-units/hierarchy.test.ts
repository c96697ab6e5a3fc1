import { describe, expect, it } from 'vitest';
import { officer, useOrgUnitsApp } from './setup.js';

useOrgUnitsApp();

const count = (units: { level: string }[]) => units.reduce<Record<string, number>>((c, u) => ({ ...c, [u.level]: (c[u.level] ?? 0) + 1 }), {});

describe('GET /api/org-units (contract)', () => {
  it('answers the 2024 hierarchy: province 94, 11 district-level units, 108 commune-level units', async () => {
    const res = await officer.request({ method: 'GET', url: '/api/org-units?asOf=2024-12-31' });
    expect(res.statusCode).toBe(200);
    const units = res.json();
    expect(count(units)).toEqual({ province: 1, district: 11, commune: 108, department: 19 });
    const district = units.find((u: { code: string }) => u.code === '943');
    expect(district).toMatchObject({ code: '943', name: 'Huyện Kế Sách', type: 'Huyện', level: 'district', parentCode: '94', validFrom: null, validTo: '2025-06-30' });
    const types = new Set(units.filter((u: { level: string }) => u.level === 'commune').map((u: { type: string }) => u.type));
    expect(types).toEqual(new Set(['Xã', 'Phường', 'Thị trấn']));
  });

  it('answers the structure of 1 July 2025: Cần Thơ city with 103 communes and no district level', async () => {
    const units = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2025-07-01' })).json();
    expect(count(units)).toEqual({ province: 1, commune: 103 });
    expect(units[0]).toMatchObject({ code: '92', name: 'Thành phố Cần Thơ', level: 'province', validFrom: '2025-07-01', validTo: null });
    expect(units.filter((u: { parentCode: string }) => u.parentCode === '92')).toHaveLength(103);
  });

  it('sees Phường 9 before the merger of 1 September 2024 and the new Phường 1 after it', async () => {
    const before = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2024-08-31&parentCode=941' })).json();
    const after = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2024-09-01&parentCode=941' })).json();
    expect(before.find((u: { code: string }) => u.code === '31522').name).toBe('Phường 9');
    expect(before.some((u: { code: string }) => u.code === '31513')).toBe(true);
    expect(after.find((u: { code: string }) => u.code === '31522').name).toBe('Phường 1');
    expect(after.some((u: { code: string }) => u.code === '31513')).toBe(false);
    expect(before.length - after.length).toBe(1);
  });

  it('filters by level and explains an unknown parent code', async () => {
    const districts = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2024-12-31&level=district' })).json();
    expect(districts).toHaveLength(11);
    const missing = await officer.request({ method: 'GET', url: '/api/org-units?asOf=2025-07-01&parentCode=943', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'unit_not_found', field: 'parentCode' });
    expect(missing.json().error.messages.vi).toContain('943');
  });

  it('refuses a malformed date with a localised message naming the field', async () => {
    const res = await officer.request({ method: 'GET', url: '/api/org-units?asOf=2025-13-45' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('querystring.asOf');
    expect(res.json().error.messages.en).toMatch(/date/i);
  });
});
