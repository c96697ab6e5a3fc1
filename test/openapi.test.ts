import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('the OpenAPI document at /api/openapi.json', () => {
  it('is a valid OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const document = res.json();
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
    // Every route is in it: Fastify's :id is OpenAPI's {id}.
    const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([url, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${url.replace(/\{(\w+)\}/g, ':$1')}`));
    const routes = t.app.routeTable.filter((r) => r.url !== '/api/openapi.json' && r.url !== '/*').map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => !operations.includes(r))).toEqual([]);
  });

  it('describes an answer for every route, so no route answers what the document does not say', () => {
    // The document leaves out itself and the web app's catch-all.
    const undocumented = t.app.routeTable
      .filter((r) => r.url !== '/api/openapi.json' && r.url !== '/*' && !r.url.startsWith('/docs'))
      .filter((r) => r.responses.length === 0)
      .map((r) => `${r.method} ${r.url}`);
    expect(undocumented).toEqual([]);
  });
});
