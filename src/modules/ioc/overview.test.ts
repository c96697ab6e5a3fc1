import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('the IOC overview', () => {
  it('opens on the structure in force today for a leader, with its indicators and alerts', async () => {
    const leader = await t.login('lanhdao');
    const res = await leader.request({ method: 'GET', url: '/api/ioc/overview' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.unit.name).toBe('Thành phố Cần Thơ');
    const communes = body.structure.filter((s: { level: string }) => s.level === 'commune').reduce((n: number, s: { count: number }) => n + s.count, 0);
    expect(communes).toBe(103);
    expect(body.pillars.length).toBeGreaterThan(0);
    expect(body.alerts.counts).toMatchObject({ critical: expect.any(Number), major: expect.any(Number) });
  });

  it('shows a past structure on an earlier day, and a wall screen without signing in', async () => {
    const admin = await t.login('admin');
    const past = (await admin.request({ method: 'GET', url: '/api/ioc/overview?asOf=2024-12-31' })).json();
    expect(past.unit.name).toBe('Tỉnh Sóc Trăng');
    expect(past.structure.some((s: { level: string }) => s.level === 'district')).toBe(true);
    const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Màn hình IOC', scopes: ['wall'] } })).json().token;
    const wall = await t.app.inject({ method: 'GET', url: '/api/ioc/overview', headers: { authorization: `Bearer ${token}` } });
    expect(wall.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/ioc/overview' })).statusCode).toBe(401);
    expect((await admin.request({ method: 'GET', url: '/api/ioc/overview?asOf=2024-02-30' })).statusCode).toBe(400);
  });
});
