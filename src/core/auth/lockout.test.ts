import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, nextLoopback, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: nextLoopback() });

describe('the login lockout', () => {
  it('counts every one of ten parallel wrong passwords: the account is locked, even for the right password', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login('canbo', `wrong-password-${i}`)));
    expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    expect(answers.map((a) => a.json().error.code)).toContain('account_locked');
    const right = await login('canbo', DEMO_PASSWORD);
    expect(right.json().error.code).toBe('account_locked');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('locks a name no account bears exactly as it locks a real one, so the answers tell no names apart', async () => {
    const answer = async (username: string) => {
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) codes.push((await login(username, `wrong-password-${i}`)).json().error.code);
      return codes;
    };
    const real = await answer('thamdinh');
    const unknown = await answer('khong-co-ai');
    expect(unknown).toEqual(real);
    expect(real).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'account_locked', 'account_locked']);
  });

  it('lets an administrator unlock the account, which then signs in with its password', async () => {
    const admin = await t.login('admin');
    const users = (await admin.request({ method: 'GET', url: '/api/users?q=lanhdao' })).json().items;
    for (let i = 0; i < 5; i++) await login('lanhdao', `wrong-password-${i}`);
    const locked = (await admin.request({ method: 'GET', url: `/api/users/${users[0].id}` })).json();
    expect(new Date(locked.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    const unlocked = await admin.request({ method: 'POST', url: `/api/users/${users[0].id}/unlock` });
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await login('lanhdao', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});
