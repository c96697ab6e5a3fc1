import { describe, expect, it } from 'vitest';
import { OUT_OF_SCOPE } from './out-of-scope.js';
import { PUBLIC, REFERENCE, SELF } from './route-lists.js';
import { key, t, useAccessApp } from './setup.js';

useAccessApp();

describe('every route is guarded', () => {
  it('each registered route is listed exactly once as public, self, reference or scoped', () => {
    const routes = t.app.routeTable.map(key).sort();
    const listed = [...PUBLIC, ...SELF, ...REFERENCE, ...Object.keys(OUT_OF_SCOPE)].sort();
    expect(routes).toEqual(listed);
    for (const r of t.app.routeTable) {
      expect(Boolean(r.access && 'public' in r.access && r.access.public), key(r)).toBe(PUBLIC.includes(key(r)));
    }
  });

  it('refuses an anonymous caller on every non-public route with 401 unauthenticated', async () => {
    for (const route of t.app.routeTable) {
      if (PUBLIC.includes(key(route))) continue;
      if (route.url.startsWith('/open311/')) continue;
      const res = await t.app.inject({ method: route.method as 'GET', url: route.url.replace(':id', '1'), payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, key(route)).toBe(401);
      expect(res.json().error.code, key(route)).toBe('unauthenticated');
    }
  });

  it('answers the public routes without credentials', async () => {
    for (const url of ['/healthz', '/readyz', '/metrics', '/api/meta', '/api/openapi.json', '/api/public/feedback/categories']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });

  it('publishes the API description with every documented route', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/org-units', '/api/users/{id}', '/api/auth/login']));
    expect(spec.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });
});
