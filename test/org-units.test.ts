import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from './helpers.js';

let t: TestApp;
let admin: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
});
afterAll(() => t?.close());

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

describe('a code names different units over time', () => {
  it('31507 is Phường 6 until 2025-06-30 and Phường Sóc Trăng from 2025-07-01, linked by the merger', async () => {
    const oldId = await unitId(t, '31507', '2025-06-30');
    const newId = await unitId(t, '31507', '2025-07-01');
    expect(oldId).not.toBe(newId);
    const oldUnit = (await officer.request({ method: 'GET', url: `/api/org-units/${oldId}` })).json();
    expect(oldUnit.unit.name).toBe('Phường 6');
    expect(oldUnit.ancestors.map((a: { code: string }) => a.code)).toEqual(['94', '941']);
    expect(oldUnit.successors.map((s: { unit: { name: string } }) => s.unit.name)).toEqual(['Phường Sóc Trăng']);
    const newUnit = (await officer.request({ method: 'GET', url: `/api/org-units/${newId}` })).json();
    expect(newUnit.predecessors.map((p: { unit: { name: string } }) => p.unit.name).sort()).toEqual(['Phường 5', 'Phường 6', 'Phường 7', 'Phường 8']);
    expect(newUnit.predecessors[0].legalBasis).toContain('1668/NQ-UBTVQH15');
    expect(newUnit.ancestors.map((a: { code: string }) => a.code)).toEqual(['92']);
  });

  it('a district has its communes as descendants in 2024 and ends with the district level', async () => {
    const id = await unitId(t, '943', '2024-12-31');
    const below = (await officer.request({ method: 'GET', url: `/api/org-units/${id}/descendants?asOf=2024-12-31` })).json();
    expect(below).toHaveLength(13);
    const detail = (await officer.request({ method: 'GET', url: `/api/org-units/${id}` })).json();
    expect(detail.successors).toEqual([]);
    expect(detail.events).toMatchObject([{ kind: 'dissolve', date: '2025-07-01', role: 'predecessor' }]);
  });

  it('the province of 2024 is succeeded by Cần Thơ city, and every 2024 commune has exactly one successor', async () => {
    const province = (await officer.request({ method: 'GET', url: `/api/org-units/${await unitId(t, '94', '2024-12-31')}` })).json();
    expect(province.successors.map((s: { unit: { code: string } }) => s.unit.code)).toEqual(['92']);
    const communes = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2025-06-30&level=commune' })).json();
    for (const c of communes.slice(0, 108)) {
      const d = (await officer.request({ method: 'GET', url: `/api/org-units/${c.id}` })).json();
      expect(d.successors, c.name).toHaveLength(1);
    }
  });

  it('the tree as of a date nests units under their parents', async () => {
    const tree = (await officer.request({ method: 'GET', url: '/api/org-units/tree?asOf=2024-12-31' })).json();
    expect(tree).toHaveLength(1);
    expect(tree[0].children.filter((c: { level: string }) => c.level === 'district')).toHaveLength(11);
    const events = (await officer.request({ method: 'GET', url: '/api/org-units/events?from=2025-01-01' })).json();
    expect(events.length).toBeGreaterThan(40);
  });
});

describe('boundaries', () => {
  it('draws the 11 districts of 2024 and none on 1 July 2025 (no commune boundaries are shipped)', async () => {
    const y2024 = (await officer.request({ method: 'GET', url: '/api/org-units/boundaries?asOf=2024-12-31' })).json();
    expect(y2024.features).toHaveLength(11);
    expect(y2024.features[0].properties.source).toContain('CC0');
    const y2025 = (await officer.request({ method: 'GET', url: '/api/org-units/boundaries?asOf=2025-07-01' })).json();
    expect(y2025.features).toHaveLength(0);
  });

  const square = (code: string) => ({
    type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [106.0, 9.6], [106.0, 9.7], [105.9, 9.6]]] },
  });

  it('an administrator uploads commune boundaries; they appear as of their date', async () => {
    const res = await admin.request({
      method: 'PUT', url: '/api/org-units/boundaries',
      payload: { asOf: '2025-07-01', source: 'OpenStreetMap contributors (ODbL)', collection: { type: 'FeatureCollection', features: [square('31507'), square('31510')] } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 2, codes: ['31507', '31510'] });
    const after = (await officer.request({ method: 'GET', url: '/api/org-units/boundaries?asOf=2025-07-01' })).json();
    expect(after.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['31507', '31510']);
  });

  it('a file with an unknown code or an open ring changes nothing and says why', async () => {
    const unknown = await admin.request({
      method: 'PUT', url: '/api/org-units/boundaries',
      payload: { asOf: '2025-07-01', source: 'test file', collection: { type: 'FeatureCollection', features: [square('31639'), square('99999')] } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('invalid_geojson');
    expect(unknown.json().error.messages.en).toContain('99999');
    const open = square('31639');
    open.geometry.coordinates[0]!.pop();
    const bad = await admin.request({ method: 'PUT', url: '/api/org-units/boundaries', payload: { source: 'test file', collection: { type: 'FeatureCollection', features: [open] } } });
    expect(bad.statusCode).toBe(400);
    const after = (await officer.request({ method: 'GET', url: '/api/org-units/boundaries?asOf=2025-07-01' })).json();
    expect(after.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['31507', '31510']);
  });

  it('an officer may not upload boundaries', async () => {
    const res = await officer.request({ method: 'PUT', url: '/api/org-units/boundaries', payload: { source: 'x', collection: { type: 'FeatureCollection', features: [square('31507')] } } });
    expect(res.statusCode).toBe(403);
  });
});

describe('administrators maintain units, and every change is audited', () => {
  it('creates a department under the city and renames it', async () => {
    const city = await unitId(t, '92', '2025-07-01');
    const created = await admin.request({
      method: 'POST', url: '/api/org-units',
      payload: { code: '92.SKHCN', name: 'Sở Khoa học và Công nghệ', type: 'Sở', level: 'department', parentId: city, validFrom: '2025-07-01' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: '92.SKHCN', parentCode: '92', validFrom: '2025-07-01', validTo: null });
    const again = await admin.request({ method: 'POST', url: '/api/org-units', payload: { code: '92.SKHCN', name: 'Trùng', type: 'Sở', level: 'department', parentId: city, validFrom: '2025-07-01' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'already_exists', field: 'code' });
    const listed = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2025-07-01&level=department' })).json();
    expect(listed.map((u: { code: string }) => u.code)).toEqual(['92.SKHCN']);
    const renamed = await admin.request({ method: 'PATCH', url: `/api/org-units/${created.json().id}`, payload: { shortName: 'Sở KH&CN' } });
    expect(renamed.json().shortName).toBe('Sở KH&CN');
    const log = (await admin.request({ method: 'GET', url: `/api/audit?entity=org_unit&entityId=${created.json().id}` })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['org_unit.update', 'org_unit.create']);
    expect(log.items[0].before.shortName).toBeNull();
    expect(log.items[0].after.shortName).toBe('Sở KH&CN');
    expect(log.items[0].actor_name).toBe('admin');
  });
});

describe('the cached hierarchy', () => {
  it('sees a change made outside this process (straight in SQL) on the next request', async () => {
    const before = (await officer.request({ method: 'GET', url: '/api/org-units/tree?asOf=2025-07-01' })).json();
    expect(before[0].name).toBe('Thành phố Cần Thơ');
    await t.database.db.updateTable('org_unit').set({ name: 'Thành phố Cần Thơ (đổi tên thử)' }).where('code', '=', '92').execute();
    const after = (await officer.request({ method: 'GET', url: '/api/org-units/tree?asOf=2025-07-01' })).json();
    expect(after[0].name).toBe('Thành phố Cần Thơ (đổi tên thử)');
    const list = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2025-07-01' })).json();
    expect(list[0].name).toBe('Thành phố Cần Thơ (đổi tên thử)');
    await t.database.db.updateTable('org_unit').set({ name: 'Thành phố Cần Thơ' }).where('code', '=', '92').execute();
  });
});
