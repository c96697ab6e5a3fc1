import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

// What the route fuzzer found: queries Open311 answered with 500 "General service error".
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t?.close());

describe('Open311 queries', () => {
  it.each([
    ['/open311/v2/requests.json?service_request_id=a&service_request_id=b', /service_request_id is given more than once/],
    ['/open311/v2/requests.json?service_code=TRAFFIC&service_code=WASTE', /service_code is given more than once/],
    ['/open311/v2/servicerequestupdates.json?end_date=-000001-01-01', /between the years 1900 and 9999/],
    ['/open311/v2/requests.json?start_date=0000-01-01T00:00:00Z', /between the years 1900 and 9999/],
  ])('%s is a 400 in Open311\'s error format', async (url, message) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()[0]).toMatchObject({ code: 400, description: expect.stringMatching(message) });
  });

  it('reads an impossible page as the first and a negative page size as the default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?page=1e309&page_size=-1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([]);
  });
});
