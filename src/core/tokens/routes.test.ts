import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let admin: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
});
afterAll(() => t?.close());

const body = { name: 'Trạm đo mặn Long Phú', scopes: ['devices'] };

describe('POST /api/tokens', () => {
  it('refuses an anonymous caller with 401', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/tokens', payload: body });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('refuses an unknown scope with 400, naming the field and the scopes there are, in both languages', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/tokens', payload: { ...body, scopes: ['everything'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'scopes.0' });
    expect(res.json().error.messages.vi).toMatch(/^Dữ liệu không hợp lệ: scopes\.0/);
  });

  it('refuses an officer with 403 and creates nothing', async () => {
    const res = await officer.request({ method: 'POST', url: '/api/tokens', payload: body });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const listed = await admin.request({ method: 'GET', url: '/api/tokens' });
    expect(listed.json()).toEqual([]);
  });

  it('shows the secret once, keeps only its hash, audits the creation, and the token then works', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Hệ thống đọc số liệu', scopes: ['read'] } });
    expect(res.statusCode).toBe(201);
    const { token, view } = res.json();
    expect(token).toMatch(/^tsk_/);
    expect(view).toMatchObject({ name: 'Hệ thống đọc số liệu', scopes: ['read'], prefix: token.slice(0, 12), createdBy: 'admin', revokedAt: null });
    const stored = await t.database.db.selectFrom('api_token').select('token_hash').where('id', '=', view.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4));
    const audit = await admin.request({ method: 'GET', url: `/api/audit?entity=api_token&entityId=${view.id}` });
    expect(JSON.stringify(audit.json())).toContain('token.create');
    expect(JSON.stringify(audit.json())).not.toContain(token);

    const read = await t.app.inject({ method: 'GET', url: '/api/org-units?level=province', headers: { authorization: `Bearer ${token}` } });
    expect(read.statusCode).toBe(200);
    const listed = (await admin.request({ method: 'GET', url: '/api/tokens' })).json();
    expect(listed[0].lastUsedAt).not.toBeNull();
  });
});

describe('DELETE /api/tokens/:id', () => {
  it('answers 404 for a token that does not exist', async () => {
    const res = await admin.request({ method: 'DELETE', url: '/api/tokens/999999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('revokes at once: the next request with the token is refused, and revoking again changes nothing', async () => {
    const { token, view } = (await admin.request({ method: 'POST', url: '/api/tokens', payload: body })).json();
    const revoked = await admin.request({ method: 'DELETE', url: `/api/tokens/${view.id}` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const refused = await t.app.inject({ method: 'GET', url: '/api/org-units', headers: { authorization: `Bearer ${token}` } });
    expect(refused.statusCode).toBe(401);
    const again = await admin.request({ method: 'DELETE', url: `/api/tokens/${view.id}` });
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt);
  });
});
