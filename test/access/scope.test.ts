import { describe, expect, it } from 'vitest';
import { OUT_OF_SCOPE } from './out-of-scope.js';
import { ids, officer, reviewer, useAccessApp } from './setup.js';

useAccessApp();

describe('every route is guarded', () => {
  it('refuses an officer outside its role or its units with 403', async () => {
    for (const [route, make] of Object.entries(OUT_OF_SCOPE)) {
      const method = route.split(' ')[0] as 'GET';
      const { url, payload, status = 403 } = make();
      const res = await officer.request({ method, url, payload: payload as Record<string, unknown> | undefined });
      expect(res.statusCode, route).toBe(status);
      if (status === 409) expect(res.json().conflicts[0].value, route).toBe('outside your units');
      else if (status === 404) expect(res.json().error.code, route).toBe('not_found');
      else expect(['forbidden', 'out_of_scope'], route).toContain(res.json().error.code);
    }
  });

  it('lets an officer see its own users only, and a reviewer of the city see the officer below it', async () => {
    const mine = (await officer.request({ method: 'GET', url: '/api/users' })).json();
    expect(mine.items.map((u: { username: string }) => u.username)).toEqual(['canbo']);
    expect((await officer.request({ method: 'GET', url: `/api/users/${ids.officerUser}` })).statusCode).toBe(200);
    expect((await reviewer.request({ method: 'GET', url: `/api/users/${ids.officerUser}` })).statusCode).toBe(200);
  });
});
