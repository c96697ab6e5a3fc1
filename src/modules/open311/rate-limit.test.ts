import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let apiKey: string;
beforeAll(async () => {
  t = await createTestApp({ config: { open311RatePerMinute: 3 } });
  const admin = await t.login('admin');
  apiKey = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài 1022', scopes: ['open311'] } })).json().token;
});
afterAll(() => t?.close());

const post = (format: 'json' | 'xml') => t.app.inject({
  method: 'POST', url: `/open311/v2/requests.${format}`, remoteAddress: '203.0.113.9',
  payload: new URLSearchParams({ api_key: apiKey, service_code: 'WASTE', 'attribute[commune]': '31507', description: 'Rác tồn đọng ở khóm 2 nhiều ngày' }).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('Open311 past its rate limit', () => {
  it("answers 429 with Retry-After in Open311's own error format, JSON and XML", async () => {
    for (let i = 0; i < 3; i++) expect((await post('json')).statusCode).toBe(201);
    const json = await post('json');
    expect(json.statusCode).toBe(429);
    expect(Number(json.headers['retry-after'])).toBeGreaterThan(0);
    expect(json.json()).toEqual([{ code: 429, description: expect.stringMatching(/^Too many requests: try again in \d+ seconds$/) }]);
    const xml = await post('xml');
    expect(xml.statusCode).toBe(429);
    expect(new XMLParser().parse(xml.body).errors.error.code).toBe(429);
  });
});
