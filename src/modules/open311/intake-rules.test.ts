import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let apiKey: string;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  apiKey = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Ứng dụng đối tác', scopes: ['open311'] } })).json().token;
});
afterAll(() => t?.close());

const post = (fields: Record<string, string>) => t.app.inject({
  method: 'POST', url: '/open311/v2/requests.json', payload: new URLSearchParams({ api_key: apiKey, service_code: 'WASTE', 'attribute[commune]': '31507', description: 'Rác tồn đọng ở khóm 2 nhiều ngày', ...fields }).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('Open311 intake keeps the feedback form’s rules', () => {
  it.each([
    [{ lat: '1e308', long: '105.97' }, /^lat: /],
    [{ first_name: '<script>alert(1)</script>' }, /^first_name: /],
    [{ first_name: 'Hoa', email: 'not-an-email' }, /^email: /],
  ])('refuses %j with a 400 naming the Open311 field, storing nothing', async (fields, description) => {
    const before = Number((await t.database.db.selectFrom('case_record').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const res = await post(fields);
    expect(res.statusCode).toBe(400);
    expect(res.json()[0]).toMatchObject({ code: 400, description: expect.stringMatching(description) });
    const after = Number((await t.database.db.selectFrom('case_record').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
  });

  it('takes a well-formed report with a name, a phone and an e-mail', async () => {
    const res = await post({ first_name: 'Trần', last_name: 'Thị Hoa', phone: '0912 345 678', email: 'hoa@example.org' });
    expect(res.statusCode).toBe(201);
  });
});
