import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, nextLoopback, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers, remoteAddress: nextLoopback() });

describe('POST /api/auth/login', () => {
  it('answers 200 with the user and sets an HTTP-only session cookie', async () => {
    const res = await login('lanhdao', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'lanhdao', role: 'leader', orgUnitCode: '92' });
    const cookie = res.cookies.find((c) => c.name === 'tinhso_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).not.toHaveProperty('user.passwordHash');
  });

  it('answers 401 with a stable code for a wrong password or an unknown user, in both languages', async () => {
    for (const [u, p] of [['lanhdao', 'wrong-password-1'], ['nobody', DEMO_PASSWORD]]) {
      const res = await login(u!, p!, { 'accept-language': 'en' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'invalid_credentials', message: 'Wrong username or password.' });
      expect(res.json().error.messages.vi).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
  });

  it('locks an account for 15 minutes after 5 wrong passwords, and the right password does not open it', async () => {
    for (let i = 0; i < 4; i++) expect((await login('thamdinh', `wrong-${i}-password`)).json().error.code).toBe('invalid_credentials');
    const fifth = await login('thamdinh', 'wrong-5-password');
    expect(fifth.json().error.code).toBe('account_locked');
    expect(fifth.headers['retry-after']).toBe('900');
    expect((await login('thamdinh', DEMO_PASSWORD)).json().error.code).toBe('account_locked');
    t.ctx.clock.now = new Date(Date.now() + 16 * 60_000);
    try {
      expect((await login('thamdinh', DEMO_PASSWORD)).statusCode).toBe(200);
    } finally {
      t.ctx.clock.now = null;
    }
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'auth.%').execute();
    expect(audit.map((a) => a.action)).toContain('auth.locked');
  });

  it('limits login attempts per address, and a forged X-Forwarded-For does not get around it', async () => {
    const from = (address: string, forwarded: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: address, headers: { 'x-forwarded-for': forwarded } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await from('198.51.100.7', `203.0.113.${i}`)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await from('198.51.100.7', '203.0.113.99');
    expect(limited.json().error.code).toBe('too_many_requests');
    expect(limited.headers['retry-after']).toBeDefined();
    const other = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: DEMO_PASSWORD }, remoteAddress: '198.51.100.8' });
    expect(other.statusCode).toBe(200);
  });
});

describe('sessions and CSRF', () => {
  it('a session reads /api/auth/me; a write without the CSRF token is refused', async () => {
    const s = await t.login('admin');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.json().user.username).toBe('admin');
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/users/1/unlock', headers: { cookie: s.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_invalid');
    const withCsrf = await s.request({ method: 'POST', url: '/api/users/1/unlock' });
    expect(withCsrf.statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const s = await t.login('canbo');
    expect((await s.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('an expired session is refused', async () => {
    const s = await t.login('canbo');
    t.ctx.clock.now = new Date(Date.now() + 13 * 3600_000);
    try {
      expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    } finally {
      t.ctx.clock.now = null;
    }
  });

  it('stores only a hash of the session token and an argon2id hash of the password', async () => {
    const s = await t.login('canbo');
    const token = s.cookie.split('=')[1]!;
    const rows = await t.database.db.selectFrom('user_session').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    const user = await t.database.db.selectFrom('app_user').select('password_hash').where('username', '=', 'canbo').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('password change', () => {
  it('refuses a wrong current password and a weak new one; accepts a strong one and closes other sessions', async () => {
    const first = await t.login('lanhdao');
    const second = await t.login('lanhdao');
    const wrong = await first.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'nope-nope-1', newPassword: 'Mat-khau-moi-2026' } });
    expect(wrong.json().error).toMatchObject({ code: 'wrong_password', field: 'currentPassword' });
    const weak = await first.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: 'short1' } });
    expect(weak.json().error).toMatchObject({ code: 'weak_password', field: 'newPassword' });
    const ok = await first.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Mat-khau-moi-2026' } });
    expect(ok.statusCode).toBe(204);
    expect((await first.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await second.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login('lanhdao', 'Mat-khau-moi-2026')).statusCode).toBe(200);
    expect((await login('lanhdao', DEMO_PASSWORD)).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('an administrator creates a scoped token; it reads units, is refused elsewhere, and stops working once revoked', async () => {
    const admin = await t.login('admin');
    const created = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Bẫy đèn Mỹ Xuyên 01', scopes: ['devices'] } });
    expect(created.statusCode).toBe(201);
    const { token, view } = created.json();
    expect(token).toMatch(/^tsk_/);
    const stored = await t.database.db.selectFrom('api_token').select('token_hash').where('id', '=', view.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/org-units?asOf=2024-12-31&level=district', headers: bearer })).json()).toHaveLength(11);
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe('token_scope_missing');
    expect((await admin.request({ method: 'DELETE', url: `/api/tokens/${view.id}` })).json().revokedAt).not.toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/org-units', headers: bearer })).statusCode).toBe(401);
    const listed = (await admin.request({ method: 'GET', url: '/api/tokens' })).json();
    expect(listed[0]).not.toHaveProperty('token_hash');
  });

  it('refuses an unknown scope and a forged token', async () => {
    const admin = await t.login('admin');
    const bad = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'x', scopes: ['everything'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('scopes.0');
    expect((await t.app.inject({ method: 'GET', url: '/api/org-units', headers: { authorization: 'Bearer tsk_forged' } })).statusCode).toBe(401);
  });
});
