import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type TestApp } from '../../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const MAP_2024 = '/api/ioc/map?element=WORKFILES_ONLINE_COMMUNE_PCT&period=2023&date=2024-06-30';
type MapUnit = { id: number; name: string; level: string; value: number | null; colourClass: number | null; geometryId: number | null; hasChildren: boolean };

describe('GET /api/ioc/map', () => {
  it('refuses an anonymous caller, then names the faulty parameter', async () => {
    expect((await t.app.inject({ method: 'GET', url: MAP_2024 })).statusCode).toBe(401);
    const leader = await t.login('lanhdao');
    for (const [url, field] of [
      ['/api/ioc/map?period=2023', 'indicator'],
      ['/api/ioc/map?element=WORKFILES_ONLINE_COMMUNE_PCT&indicator=X&period=2023', 'indicator'],
      ['/api/ioc/map?element=WORKFILES_ONLINE_COMMUNE_PCT&period=2023-13', 'period'],
      ['/api/ioc/map?element=NO_SUCH_ELEMENT&period=2023', 'element'],
      [`${MAP_2024}&parent=999999999`, 'parent'],
    ] as const) {
      const res = await leader.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.field, url).toMatch(new RegExp(`(^|\\.)${field}$`));
      expect(res.json().error.messages.vi).toBeTruthy();
    }
  });

  it("refuses an officer the map of a unit above its own", async () => {
    const officer = await t.login('canbo');
    const province = await unitId(t, '94', '2024-06-30');
    const res = await officer.request({ method: 'GET', url: `${MAP_2024}&parent=${province}` });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('out_of_scope');
  });

  it('colours the 2024 districts of Sóc Trăng, drawn from their polygons, and drills down to the communes of one', async () => {
    const leader = await t.login('lanhdao');
    const province = await unitId(t, '94', '2024-06-30');
    const res = await leader.request({ method: 'GET', url: `${MAP_2024}&parent=${province}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.parent.name).toBe('Tỉnh Sóc Trăng');
    expect(body.basis).toBe('quantiles');
    expect(body.classes.length).toBeGreaterThan(1);
    const districts: MapUnit[] = body.units;
    expect(districts.length).toBeGreaterThan(5);
    expect(districts.every((d) => d.level === 'district' && d.geometryId === d.id && d.hasChildren)).toBe(true);
    expect(districts.every((d) => d.value !== null && d.colourClass !== null)).toBe(true);

    const district = districts[0]!;
    const down = (await leader.request({ method: 'GET', url: `${MAP_2024}&parent=${district.id}` })).json();
    expect(down.ancestors.map((a: { name: string }) => a.name)).toEqual(['Tỉnh Sóc Trăng']);
    const communes: MapUnit[] = down.units;
    expect(communes.length).toBeGreaterThan(3);
    expect(communes.every((c) => c.level === 'commune' && c.geometryId === null && c.value !== null)).toBe(true);
  });

  it("follows an active IOC rule's threshold on the target and level", async () => {
    const admin = await t.login('admin');
    const rule = await admin.request({
      method: 'POST', url: '/api/ioc/rules',
      payload: { nameVi: 'Hồ sơ trực tuyến cấp xã dưới 70%', nameEn: 'Online files below 70%', targetKind: 'element', targetCode: 'WORKFILES_ONLINE_COMMUNE_PCT', unitLevel: 'district', periodType: 'year', comparator: '<', threshold: 70, severity: 'minor' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const province = await unitId(t, '94', '2024-06-30');
    const body = (await admin.request({ method: 'GET', url: `${MAP_2024}&parent=${province}` })).json();
    expect(body.basis).toBe('rule');
    expect(body.classes).toEqual([{ from: null, to: 70, breach: true }, { from: 70, to: null, breach: false }]);
    for (const u of body.units as MapUnit[]) expect(u.colourClass).toBe(u.value! < 70 ? 0 : 1);
    expect((await admin.request({ method: 'DELETE', url: `/api/ioc/rules/${rule.json().id}` })).statusCode).toBe(200);
  });

  it("shows the 2025 city's wards and communes, which have no polygons, for the grid", async () => {
    const leader = await t.login('lanhdao');
    const body = (await leader.request({ method: 'GET', url: '/api/ioc/map?element=WORKFILES_ONLINE_COMMUNE_PCT&period=2023&date=2025-12-31' })).json();
    expect(body.parent.name).toBe('Thành phố Cần Thơ');
    expect(body.units).toHaveLength(103);
    expect((body.units as MapUnit[]).every((u) => u.geometryId === null)).toBe(true);
  });
});

describe('GET /api/ioc/units/:id', () => {
  it('refuses an anonymous caller, a bad date, a unit that does not stand that day and one out of scope', async () => {
    const province = await unitId(t, '94', '2024-06-30');
    expect((await t.app.inject({ method: 'GET', url: `/api/ioc/units/${province}` })).statusCode).toBe(401);
    const leader = await t.login('lanhdao');
    expect((await leader.request({ method: 'GET', url: `/api/ioc/units/${province}?date=2024-02-30` })).statusCode).toBe(400);
    expect((await leader.request({ method: 'GET', url: `/api/ioc/units/${province}?date=2025-12-31` })).statusCode).toBe(404);
    const officer = await t.login('canbo');
    expect((await officer.request({ method: 'GET', url: `/api/ioc/units/${province}?date=2024-06-30` })).statusCode).toBe(403);
  });

  it("gathers a district's breadcrumb, communes, indicators and alerts", async () => {
    const leader = await t.login('lanhdao');
    const province = await unitId(t, '94', '2024-06-30');
    const districts = (await leader.request({ method: 'GET', url: `${MAP_2024}&parent=${province}` })).json().units as MapUnit[];
    const res = await leader.request({ method: 'GET', url: `/api/ioc/units/${districts[0]!.id}?date=2024-06-30` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.unit.name).toBe(districts[0]!.name);
    expect(page.ancestors.map((a: { name: string }) => a.name)).toEqual(['Tỉnh Sóc Trăng']);
    expect(page.children.length).toBeGreaterThan(3);
    expect(page.indicators.length).toBeGreaterThan(0);
    expect(page.alertCounts).toMatchObject({ critical: expect.any(Number) });
    expect(Array.isArray(page.alerts)).toBe(true);
  });
  it("gives a unit's page the completeness of the regimes its units report to, as it stood on the day asked", async () => {
    const leader = await t.login('lanhdao');
    const city = await unitId(t, '92', '2025-12-31');
    const page = (await leader.request({ method: 'GET', url: `/api/ioc/units/${city}?date=2025-12-31` })).json();
    expect(page.reports.length).toBeGreaterThan(0);
    for (const r of page.reports) expect(r.expected).toBeGreaterThanOrEqual(r.submitted);
    const province = await unitId(t, '94', '2024-06-30');
    const before = (await leader.request({ method: 'GET', url: `/api/ioc/units/${province}?date=2024-06-30` })).json();
    expect(before.reports.length).toBeGreaterThan(0);
    // Each regime's latest period due by then (a yearly one: 2023), not the one due today.
    const due = before.reports as { dueDate: string; period: string }[];
    expect(due.every((r) => r.dueDate <= '2024-06-30')).toBe(true);
    expect(due.map((r) => r.period)).toEqual(expect.arrayContaining(['2024M06', '2024Q2', '2023']));
  });
});
