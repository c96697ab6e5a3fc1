import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_ROUTES, type Capability } from '../src/core/auth/index.js';
import { createTestApp, type TestApp } from './helpers.js';

// Issue 13, point 4: what "me" says a user may do is what the routes then do. Each capability is checked by calling
// its route as each demo account, so the two cannot drift apart.
const DEMO = { admin: 'admin', leader: 'lanhdao', reviewer: 'thamdinh', officer: 'canbo', producer: 'htx' } as const;
const PARAMS: Record<string, string> = { id: '999999', code: 'KHONG_CO', action: 'submit' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the capabilities in GET /api/auth/me', () => {
  it('are, for every demo role, exactly the routes that do not answer 403 forbidden', async () => {
    const seen: Record<string, Capability[]> = {};
    for (const [role, username] of Object.entries(DEMO)) {
      const session = await t.login(username);
      const me = await session.request({ method: 'GET', url: '/api/auth/me' });
      expect(me.statusCode).toBe(200);
      const capabilities = me.json().capabilities as Record<Capability, boolean>;
      expect(Object.keys(capabilities).sort()).toEqual(Object.keys(CAPABILITY_ROUTES).sort());
      seen[role] = [];
      for (const [name, route] of Object.entries(CAPABILITY_ROUTES) as [Capability, string][]) {
        const [method, path] = route.split(' ') as [string, string];
        const url = path.replace(/:(\w+)/g, (_, p: string) => PARAMS[p] ?? '1');
        const res = await session.request({ method: method as 'GET', url, ...(method === 'GET' ? {} : { payload: {} }) });
        const refused = res.statusCode === 403 && res.json().error.code === 'forbidden';
        expect({ role, name, allowed: !refused }).toEqual({ role, name, allowed: capabilities[name] });
        expect([401, 403].includes(res.statusCode) && capabilities[name], `${role} ${route} answered ${res.statusCode}`).toBe(false);
        if (capabilities[name]) seen[role].push(name);
      }
    }
    // What the interface then offers each role, as the policies stand.
    expect(seen.leader).toEqual(['trace.read']);
    // A producer's account records and reads its own traceability, and nothing of the staff's.
    expect(seen.producer).toEqual(['trace.read', 'trace.capture']);
    expect(seen.reviewer).toEqual(expect.arrayContaining(['reports.review', 'reports.remind', 'feedback.settings']));
    expect(seen.officer).toEqual(expect.arrayContaining(['data.enter', 'reports.submit']));
    expect(seen.officer).not.toContain('feedback.settings');
    // Devices are read by everyone signed in and registered by administrators only.
    expect(seen.officer).not.toContain('devices.manage');
    expect(seen.reviewer).not.toContain('devices.manage');
    expect(seen.admin).toEqual(Object.keys(CAPABILITY_ROUTES));
  });

  it('come with the sign-in answer too, so the first page drawn after it offers the same', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'tinhso-demo-2026' }, remoteAddress: '127.9.9.9' });
    expect(res.statusCode).toBe(200);
    expect(res.json().capabilities).toMatchObject({ 'reports.review': false, 'reports.remind': false, 'reports.submit': false });
  });
});
