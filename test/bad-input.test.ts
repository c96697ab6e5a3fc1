import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from './helpers.js';

const INJECTIONS = [
  "'; DROP TABLE app_user; --",
  "Robert'); DELETE FROM org_unit; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'x\u0000y',
];

let t: TestApp;
let admin: Session;
let city: number;
let officerId: number;
let communeId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  city = await unitId(t, '92', '2025-07-01');
  communeId = await unitId(t, '31510', '2025-07-01');
  officerId = (await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'canbo').executeTakeFirstOrThrow()).id;
});
afterAll(() => t?.close());

async function counts() {
  const n = async (table: 'app_user' | 'org_unit' | 'api_token' | 'audit_log') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { users: await n('app_user'), units: await n('org_unit'), tokens: await n('api_token'), audit: await n('audit_log') };
}

describe('malformed requests', () => {
  it('malformed JSON answers 400 malformed_json in both languages', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: '{"username": "a",', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('malformed_json');
    expect(res.json().error.messages.vi).toContain('JSON');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('wrong types name the field at fault', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'hop-le', displayName: 42, role: 'king', orgUnitId: 'one', password: 'mat-khau-2026' } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['displayName', 'orgUnitId', 'role']);
  });

  it("the project's own rules explain themselves in both languages", async () => {
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${officerId}`, payload: { displayName: '<b>Cán bộ</b>' } });
    expect(res.json().error.messages).toEqual({
      vi: "Dữ liệu không hợp lệ: tên hiển thị (displayName): chỉ được dùng chữ, số, khoảng trắng và các dấu . , ' ( ) / & – - _ × % : +",
      en: "Invalid input: displayName: only letters, digits, spaces and . , ' ( ) / & – - _ × % : + are allowed",
    });
  });

  it('an unknown field is refused rather than ignored', async () => {
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${officerId}`, payload: { displayName: 'Cán bộ', isAdmin: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('isAdmin');
  });

  it('an oversized body answers 413', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: JSON.stringify({ displayName: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('an address the router cannot read answers the error body too, not Fastify\'s own', async () => {
    const broken = await admin.request({ method: 'GET', url: '/api/users/%ED%A0%80' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: 'malformed_url', messages: { en: expect.stringContaining('percent-encoding') } });
    const long = await admin.request({ method: 'GET', url: `/api/users/${'9'.repeat(300)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json().error.code).toBe('url_too_long');
  });

  it('a date of the year 0000, which PostgreSQL does not have, is a 400 naming the field', async () => {
    for (const url of ['/api/org-units?asOf=0000-01-01', '/api/calendar/deadline?from=0000-01-01&workingDays=1', '/api/audit?from=0000-01-01']) {
      const res = await admin.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.messages.en, url).toContain('between 1 and 9999');
    }
    const far = await admin.request({ method: 'GET', url: '/api/calendar/deadline?from=9999-12-31&workingDays=10' });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.code).toBe('calendar_out_of_range');
  });

  it('an unknown API path answers a JSON 404', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });

  it('a reference to a unit that does not exist is a 4xx, not a 500', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'khong-don-vi', displayName: 'Không đơn vị', role: 'officer', orgUnitId: 999999, password: 'mat-khau-2026' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('orgUnitId');
    expect((await admin.request({ method: 'GET', url: '/api/org-units/999999' })).statusCode).toBe(404);
    expect((await admin.request({ method: 'GET', url: '/api/users/abc' })).statusCode).toBe(400);
  });
});

describe('injection strings in every text field of the user and unit APIs', () => {
  const userFields = {
    username: (v: string) => ({ username: v, displayName: 'Người dùng', email: 'a@example.org', role: 'officer', orgUnitId: communeId, password: 'mat-khau-2026' }),
    displayName: (v: string) => ({ username: 'an-toan', displayName: v, role: 'officer', orgUnitId: communeId, password: 'mat-khau-2026' }),
    email: (v: string) => ({ username: 'an-toan', displayName: 'An toàn', email: v, role: 'officer', orgUnitId: communeId, password: 'mat-khau-2026' }),
  };
  const userUpdateFields = { displayName: (v: string) => ({ displayName: v }), email: (v: string) => ({ email: v }) };
  const unitFields = {
    code: (v: string) => ({ code: v, name: 'Phòng thử', type: 'Phòng', level: 'department', parentId: city }),
    name: (v: string) => ({ code: 'P1', name: v, type: 'Phòng', level: 'department', parentId: city }),
    shortName: (v: string) => ({ code: 'P1', name: 'Phòng thử', shortName: v, type: 'Phòng', level: 'department', parentId: city }),
    type: (v: string) => ({ code: 'P1', name: 'Phòng thử', type: v, level: 'department', parentId: city }),
  };
  const unitUpdateFields = { name: (v: string) => ({ name: v }), shortName: (v: string) => ({ shortName: v }), type: (v: string) => ({ type: v }) };

  it('answers a clear 400 naming the field, stores nothing and executes nothing', async () => {
    const before = await counts();
    const cases: [string, string, string, unknown][] = [];
    for (const v of INJECTIONS) {
      for (const [f, make] of Object.entries(userFields)) cases.push(['POST', '/api/users', f, make(v)]);
      for (const [f, make] of Object.entries(userUpdateFields)) cases.push(['PATCH', `/api/users/${officerId}`, f, make(v)]);
      for (const [f, make] of Object.entries(unitFields)) cases.push(['POST', '/api/org-units', f, make(v)]);
      for (const [f, make] of Object.entries(unitUpdateFields)) cases.push(['PATCH', `/api/org-units/${communeId}`, f, make(v)]);
      cases.push(['POST', '/api/tokens', 'name', { name: v, scopes: ['read'] }]);
    }
    for (const [method, url, field, payload] of cases) {
      const res = await admin.request({ method: method as 'POST', url, payload: payload as Record<string, unknown> });
      expect(res.statusCode, `${method} ${url} ${field}=${JSON.stringify(payload)}`).toBe(400);
      expect(res.json().error.field, `${method} ${url} ${field}`).toBe(field);
      expect(res.headers['content-type']).toContain('application/json');
    }
    expect(await counts()).toEqual(before);
    const officer = (await admin.request({ method: 'GET', url: `/api/users/${officerId}` })).json();
    expect(officer.displayName).toBe('Cán bộ Phường Sóc Trăng (mẫu)');
    const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()`.execute(t.database.db);
    expect(tables.rows[0]!.n).toBeGreaterThanOrEqual(12);
  });

  it('search text with injection is only ever a search', async () => {
    for (const v of INJECTIONS.slice(0, 3)) {
      const res = await admin.request({ method: 'GET', url: `/api/users?q=${encodeURIComponent(v)}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
      const audit = await admin.request({ method: 'GET', url: `/api/audit?q=${encodeURIComponent(v)}` });
      expect(audit.statusCode).toBe(200);
    }
    const wildcard = await admin.request({ method: 'GET', url: `/api/users?q=${encodeURIComponent('%')}` });
    expect(wildcard.json().items).toEqual([]);
    expect((await counts()).users).toBe(5); // the four demo accounts and the demo producer's
  });

  it('a failure in the middle of a change leaves nothing half-written', async () => {
    const before = await counts();
    // A duplicate username is detected inside the transaction that would write the user and its audit row.
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'CANBO', displayName: 'Trùng tên', role: 'officer', orgUnitId: communeId, password: 'mat-khau-2026' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'already_exists', field: 'username' });
    expect(await counts()).toEqual(before);
  });
});
