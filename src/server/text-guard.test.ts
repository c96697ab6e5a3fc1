import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, type Session, type TestApp } from '../../test/helpers.js';
import { forbiddenTextAt } from './text-guard.js';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
});
afterAll(() => t?.close());

describe('bad bytes at every entrance', () => {
  it('names the first string holding a NUL or a lone surrogate, keys included, and leaves real text alone', () => {
    expect(forbiddenTextAt({ a: 'Phường Sóc Trăng 😀', b: ['ok', 'x\u0000y'] })).toBe('b.1');
    expect(forbiddenTextAt({ values: [{ comment: 'lẻ \ud800' }] })).toBe('values.0.comment');
    expect(forbiddenTextAt({ 'k\udc00': 1 })).toBe('k?');
    expect(forbiddenTextAt({ emoji: '🌾 lúa', text: 'Cần Thơ' })).toBeNull();
  });

  it('answers an anonymous login with a NUL in the username with a localised 400 naming the field, not a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin\u0000', password: 'x' }, remoteAddress: nextLoopback() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_characters', field: 'username' });
    expect(res.json().error.messages.vi).toContain('ký tự không được phép');
  });

  it('refuses a NUL in a query or a path, and a lone surrogate inside a JSON body, writing nothing', async () => {
    const query = await officer.request({ method: 'GET', url: '/api/users?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.field).toBe('querystring.q');
    const path = await officer.request({ method: 'GET', url: '/api/reporting/regimes/BC%00X' });
    expect(path.statusCode).toBe(400);
    expect(path.json().error.field).toBe('params.code');

    const body = '{"values":[{"element":"PAYMENT_ACCOUNT_15PLUS","orgUnitId":1,"period":"2025","value":"1","comment":"\\ud800"}]}';
    const write = await officer.request({ method: 'POST', url: '/api/data-values', payload: body, headers: { 'content-type': 'application/json' } });
    expect(write.statusCode).toBe(400);
    expect(write.json().error).toMatchObject({ code: 'invalid_characters', field: 'values.0.comment' });
  });
});

describe('bad forms', () => {
  const form = (body: string) => t.app.inject({
    method: 'POST', url: '/api/public/feedback', payload: body, remoteAddress: nextLoopback(),
    headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
  });

  it('answers a truncated multipart body with a localised 400, not a 500', async () => {
    const res = await form('--XyZ\r\nContent-Disposition: form-data; name="report"\r\n\r\n{"category":"WASTE"');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('malformed_multipart');
    expect(res.json().error.messages.vi).toContain('Biểu mẫu gửi lên bị hỏng');
  });

  it('refuses a NUL inside a form field, naming it', async () => {
    const res = await form('--XyZ\r\nContent-Disposition: form-data; name="report"\r\n\r\n{"category":"WA\u0000STE"}\r\n--XyZ--\r\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_characters', field: 'report' });
  });
});
