import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type TestApp } from '../../../../test/helpers.js';
import { boxCentre } from './points.js';

let t: TestApp;
let alertsToken: string;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  alertsToken = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài 114', scopes: ['alerts'] } })).json().token;
});
afterAll(() => t?.close());

const raise = async (payload: Record<string, unknown>) => {
  const res = await t.app.inject({
    method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${alertsToken}` }, remoteAddress: nextLoopback(),
    payload: { type: 'HOTLINE_114', ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  return String(res.json().id);
};
type Point = { layer: string; ref: string; lat: number; lon: number; approximate: boolean };

describe('GET /api/ioc/map/points', () => {
  it('refuses an anonymous caller, an unknown layer, and an officer the points above its unit', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/ioc/map/points' })).statusCode).toBe(401);
    const leader = await t.login('lanhdao');
    const bad = await leader.request({ method: 'GET', url: '/api/ioc/map/points?layers=cases,devices' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/layers/);
    const officer = await t.login('canbo');
    const province = await unitId(t, '94', '2024-06-30');
    expect((await officer.request({ method: 'GET', url: `/api/ioc/map/points?parent=${province}&date=2024-06-30` })).statusCode).toBe(403);
  });

  it("shows an open case at its point without the citizen's name or phone, to the leader and the ward's officer", async () => {
    const ward = await unitId(t, '31507', '2025-07-01');
    const sent = await t.app.inject({
      method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(),
      payload: { category: 'DRAINAGE', description: 'Cống thoát nước bị tắc trước chợ', placeUnitId: ward, lat: 10.0341, lon: 105.7852, consent: true, contact: { name: 'Trần Thị Hoa', phone: '0912 345 678' } },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const code = sent.json().trackingCode;
    for (const who of ['lanhdao', 'canbo']) {
      const res = await (await t.login(who)).request({ method: 'GET', url: '/api/ioc/map/points?layers=cases' });
      expect(res.statusCode, res.body).toBe(200);
      const point = (res.json().points as Point[]).find((p) => p.ref === code);
      expect(point, who).toMatchObject({ layer: 'case', lat: 10.0341, lon: 105.7852, approximate: false });
      expect(res.body).not.toContain('Trần Thị Hoa');
      expect(res.body).not.toContain('0912');
      expect(res.body).not.toContain('Cống thoát nước');
    }
  });

  it("pins an alert at its point, or at the middle of its unit's boundary, and leaves out one with neither", async () => {
    const located = await raise({ title: { vi: 'Ngập sâu tại ngã tư', en: 'Deep flooding at the crossroads' }, location: { lat: 9.6, lon: 105.97 } });
    const district = await unitId(t, '941', '2024-06-30');
    const ofDistrict = await raise({ title: { vi: 'Mất điện diện rộng', en: 'Wide power cut' }, unitId: district, occurredAt: '2024-06-01T08:00:00Z' });
    const ward = await unitId(t, '31507', '2025-07-01');
    const nowhere = await raise({ title: { vi: 'Cây đổ chắn đường', en: 'A tree blocks the road' }, unitId: ward });
    const leader = await t.login('lanhdao');
    const province = await unitId(t, '94', '2024-06-30');
    const res = await leader.request({ method: 'GET', url: `/api/ioc/map/points?layers=alerts&parent=${province}&date=2024-06-30` });
    expect(res.statusCode, res.body).toBe(200);
    const points = res.json().points as Point[];
    expect(points.find((p) => p.ref === ofDistrict)).toMatchObject({ layer: 'alert', approximate: true });
    expect(points.some((p) => p.ref === nowhere)).toBe(false);
    // An alert of no unit is not below the province: it is the whole platform's, not a place on this map.
    expect(points.some((p) => p.ref === located)).toBe(false);
  });

  it('takes the middle of a polygon or multipolygon bounding box', () => {
    expect(boxCentre({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 4], [0, 0]]] })).toEqual({ lon: 1, lat: 2 });
    expect(boxCentre({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[3, 3], [4, 3], [4, 5], [3, 3]]]] })).toEqual({ lon: 2, lat: 2.5 });
  });
});
