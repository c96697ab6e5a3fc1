import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from './helpers.js';

/**
 * Every registered route is accounted for here. A new route that is not listed fails this test until someone
 * decides, in writing, who may call it.
 */
const PUBLIC = [
  'GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /api/meta', 'GET /api/openapi.json', 'POST /api/auth/login',
  // Citizens: the categories, sending a report, and following it by its tracking code (no personal data).
  'GET /api/public/feedback/categories', 'POST /api/public/feedback', 'GET /api/public/feedback/:code', 'POST /api/public/feedback/:code/rating',
  'GET /api/public/feedback/nearby', 'POST /api/public/feedback/:code/follow', 'GET /api/public/feedback/places',
  // The public list and map, and the published (redacted) photos: no personal data (tested in feedback-media.test.ts).
  'GET /api/public/feedback', 'GET /api/public/feedback/:code/photos/:n', 'GET /api/public/feedback/map', 'GET /api/public/feedback/place-at',
  // Open311 GeoReport v2 is public by specification; POST requests authenticates by the api_key in its body
  // (an API token of scope open311), tested in open311.test.ts.
  'GET /open311/v2/discovery.json', 'GET /open311/v2/:file', 'GET /open311/v2/services/:file', 'GET /open311/v2/requests/:file',
  'GET /open311/v2/tokens/:file', 'POST /open311/v2/:file',
];
/** Routes that act only on the caller's own account. */
const SELF = ['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password', 'GET /api/notifications', 'POST /api/notifications/read'];
/** Reference data every signed-in user and every API token may read (administrative units are public facts). */
const REFERENCE = [
  'GET /api/org-units', 'GET /api/org-units/tree', 'GET /api/org-units/events', 'GET /api/org-units/boundaries',
  'GET /api/org-units/:id', 'GET /api/org-units/:id/descendants',
  // Aggregate figures and their definitions: what the scorecard shows every signed-in user.
  'GET /api/data-elements', 'GET /api/indicators', 'GET /api/indicators/:code', 'GET /api/category-combos', 'GET /api/analytics', 'GET /api/scorecard', 'GET /api/scorecard/indicators/:code', 'GET /api/scorecard/export',
  'GET /api/calendar', 'GET /api/calendar/deadline',
  // Filtered to the caller's units rather than refused (tested in data-values.test.ts and feedback.test.ts).
  'GET /api/data-values/follow-up', 'GET /api/feedback/cases',
  // The province's answer wording and routing rules: the same for every unit, read by every officer.
  'GET /api/feedback/templates', 'GET /api/feedback/routing-rules',
  // Reporting regimes and forms are the province's published rules; the reviewer's queue is filtered to its unit.
  'GET /api/reporting/regimes', 'GET /api/reporting/regimes/:code', 'GET /api/reporting/queue', 'GET /api/reporting/completeness/history', 'GET /api/reporting/exchange/qcvn125',
];

let t: TestApp;
let officer: Session;
let reviewer: Session;
let ids: { city: number; otherCommune: number; adminUser: number; officerUser: number; otherCase: number; otherReport: number };

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
  reviewer = await t.login('thamdinh');
  const user = (name: string) => t.database.db.selectFrom('app_user').select('id').where('username', '=', name).executeTakeFirstOrThrow();
  ids = {
    city: await unitId(t, '92', '2025-07-01'),
    otherCommune: await unitId(t, '31510', '2025-07-01'),
    adminUser: (await user('admin')).id,
    officerUser: (await user('canbo')).id,
    otherCase: 0,
    otherReport: 0,
  };
  // A report of another ward, which the officer of Phường Sóc Trăng must not read, change or act on.
  const admin = await t.login('admin');
  ids.otherReport = (await admin.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: ids.otherCommune, period: '2026M10' } })).json().id;
  // A report about another commune, which the officer of Phường Sóc Trăng must not see or handle.
  const sent = await t.app.inject({ method: 'POST', url: '/api/public/feedback', payload: { category: 'WASTE', description: 'Rác thải ở chợ Phú Lợi chưa được thu gom', placeUnitId: ids.otherCommune, consent: true, anonymous: true } });
  const code = sent.json().trackingCode as string;
  ids.otherCase = (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
});
afterAll(() => t?.close());

/** What an officer of Phường Sóc Trăng tries outside its role or its units: 403, or what the route's standard answers. */
const OUT_OF_SCOPE: Record<string, () => { url: string; payload?: unknown; status?: number }> = {
  'GET /api/users': () => ({ url: `/api/users?orgUnitId=${ids.city}` }),
  'GET /api/users/:id': () => ({ url: `/api/users/${ids.adminUser}` }),
  'POST /api/users': () => ({ url: '/api/users', payload: { username: 'moi', displayName: 'Mới', role: 'officer', orgUnitId: ids.otherCommune, password: 'mat-khau-2026' } }),
  'PATCH /api/users/:id': () => ({ url: `/api/users/${ids.adminUser}`, payload: { displayName: 'Đổi tên' } }),
  'POST /api/users/:id/password': () => ({ url: `/api/users/${ids.adminUser}/password`, payload: { password: 'mat-khau-2026' } }),
  'POST /api/users/:id/unlock': () => ({ url: `/api/users/${ids.adminUser}/unlock` }),
  'GET /api/tokens': () => ({ url: '/api/tokens' }),
  'POST /api/tokens': () => ({ url: '/api/tokens', payload: { name: 'x', scopes: ['read'] } }),
  'DELETE /api/tokens/:id': () => ({ url: '/api/tokens/1' }),
  'GET /api/audit': () => ({ url: '/api/audit' }),
  'GET /api/jobs': () => ({ url: '/api/jobs' }),
  'POST /api/org-units': () => ({ url: '/api/org-units', payload: { code: 'X1', name: 'Xã Thử', type: 'Xã', level: 'commune', parentId: ids.city } }),
  'PATCH /api/org-units/:id': () => ({ url: `/api/org-units/${ids.otherCommune}`, payload: { name: 'Đổi tên' } }),
  'GET /api/data-values': () => ({ url: `/api/data-values?element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${ids.otherCommune}` }),
  'GET /api/data-values/:id/history': () => ({ url: '/api/data-values/1/history' }),
  'POST /api/data-values': () => ({ url: '/api/data-values', payload: { values: [{ element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: ids.otherCommune, period: '2025M08', value: 1 }] } }),
  'GET /api/dataValueSets': () => ({ url: '/api/dataValueSets?dataElement=PAYMENT_ACCOUNT_15PLUS&orgUnit=94&period=2023' }),
  'POST /api/dataValueSets': () => ({ url: '/api/dataValueSets', status: 409, payload: { dataValues: [{ dataElement: 'PAYMENT_ACCOUNT_15PLUS', period: '2025M08', orgUnit: '31510', value: '1' }] } }),
  'POST /api/category-combos': () => ({ url: '/api/category-combos', payload: { code: 'X', nameVi: 'X', nameEn: 'X', categories: [] } }),
  'POST /api/data-elements': () => ({ url: '/api/data-elements', payload: { code: 'XX', nameVi: 'X', nameEn: 'X', valueType: 'integer', aggUnits: 'sum', aggTime: 'sum', periodTypes: ['year'] } }),
  'POST /api/indicators': () => ({ url: '/api/indicators', payload: { code: 'X_1', nameVi: 'X', nameEn: 'X', numerator: '1', pillar: 'government', direction: 'higher' } }),
  'PATCH /api/indicators/:code': () => ({ url: '/api/indicators/NQ07_HH_FIBRE', payload: { nameVi: 'Đổi' } }),
  'POST /api/indicators/check': () => ({ url: '/api/indicators/check', payload: { numerator: '1' } }),
  'PATCH /api/data-elements/:code': () => ({ url: '/api/data-elements/PAYMENT_ACCOUNT_15PLUS', payload: { nameVi: 'Đổi' } }),
  'PUT /api/indicators/:code/targets': () => ({ url: '/api/indicators/NQ07_HH_FIBRE/targets', payload: { orgUnitId: ids.city, targets: [] } }),
  'GET /api/imports/:id': () => ({ url: '/api/imports/00000000-0000-0000-0000-000000000000', status: 404 }),
  'PUT /api/calendar/exceptions': () => ({ url: '/api/calendar/exceptions', payload: { date: '2025-05-02', kind: 'day_off', nameVi: 'Nghỉ', source: 'x y z' } }),
  'DELETE /api/calendar/exceptions/:date': () => ({ url: '/api/calendar/exceptions/2025-05-02' }),
  'POST /api/feedback/operator': () => ({ url: '/api/feedback/operator', payload: { category: 'WASTE', description: 'Rác thải ở chợ phường bên', placeUnitId: ids.otherCommune, consent: true, contact: { name: 'Nguyễn Văn A' }, channel: 'hotline' } }),
  'GET /api/feedback/cases/:id': () => ({ url: `/api/feedback/cases/${ids.otherCase}` }),
  'GET /api/feedback/cases/:id/duplicates': () => ({ url: `/api/feedback/cases/${ids.otherCase}/duplicates` }),
  'POST /api/feedback/cases/:id/actions': () => ({ url: `/api/feedback/cases/${ids.otherCase}/actions`, payload: { action: 'accept' } }),
  'POST /api/feedback/cases/:id/extend': () => ({ url: `/api/feedback/cases/${ids.otherCase}/extend`, payload: { workingDays: 2, reason: 'Cần thêm thời gian' } }),
  'POST /api/feedback/cases/:id/notes': () => ({ url: `/api/feedback/cases/${ids.otherCase}/notes`, payload: { text: 'ghi chú' } }),
  'PATCH /api/feedback/cases/:id': () => ({ url: `/api/feedback/cases/${ids.otherCase}`, payload: { priority: 'high' } }),
  'POST /api/feedback/cases/bulk': () => ({ url: '/api/feedback/cases/bulk', payload: { ids: [ids.otherCase], action: 'accept' } }),
  'GET /api/feedback/cases/:id/photos/:mediaId': () => ({ url: `/api/feedback/cases/${ids.otherCase}/photos/1` }),
  'POST /api/feedback/cases/:id/photos/:mediaId': () => ({ url: `/api/feedback/cases/${ids.otherCase}/photos/1`, payload: { hidden: true } }),
  'GET /api/feedback/officers': () => ({ url: `/api/feedback/officers?unitId=${ids.otherCommune}` }),
  'POST /api/feedback/templates': () => ({ url: '/api/feedback/templates', payload: { title: 'Mẫu', body: 'Nội dung trả lời mẫu' } }),
  'PUT /api/feedback/templates/:id': () => ({ url: '/api/feedback/templates/1', payload: { title: 'Mẫu', body: 'Nội dung trả lời mẫu' } }),
  'DELETE /api/feedback/templates/:id': () => ({ url: '/api/feedback/templates/1' }),
  'PUT /api/feedback/routing-rules': () => ({ url: '/api/feedback/routing-rules', payload: { rules: [{ category: null, target: 'place' }] } }),
  'GET /api/notifications/outbox': () => ({ url: '/api/notifications/outbox' }),
  'GET /api/webhooks': () => ({ url: '/api/webhooks' }),
  'POST /api/webhooks': () => ({ url: '/api/webhooks', payload: { name: 'x', url: 'https://example.org/hook', events: ['*'] } }),
  'DELETE /api/webhooks/:id': () => ({ url: '/api/webhooks/1' }),
  'PUT /api/reporting/regimes/:code': () => ({ url: '/api/reporting/regimes/BC_CDS', payload: {} }),
  'GET /api/reporting/due': () => ({ url: `/api/reporting/due?unitId=${ids.otherCommune}` }),
  'POST /api/reporting/reports': () => ({ url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: ids.otherCommune, period: '2026M10' } }),
  'GET /api/reporting/reports/:id': () => ({ url: `/api/reporting/reports/${ids.otherReport}` }),
  'PUT /api/reporting/reports/:id': () => ({ url: `/api/reporting/reports/${ids.otherReport}`, payload: { values: {}, narrative: {}, revision: 1 } }),
  'GET /api/reporting/reports/:id/xlsx': () => ({ url: `/api/reporting/reports/${ids.otherReport}/xlsx` }),
  'POST /api/reporting/reports/:id/xlsx': () => ({ url: `/api/reporting/reports/${ids.otherReport}/xlsx`, payload: {} }),
  'GET /api/reporting/reports/:id/csv': () => ({ url: `/api/reporting/reports/${ids.otherReport}/csv` }),
  'POST /api/reporting/reports/:id/csv': () => ({ url: `/api/reporting/reports/${ids.otherReport}/csv`, payload: {} }),
  'GET /api/reporting/reports/:id/attachments/:attachmentId': () => ({ url: `/api/reporting/reports/${ids.otherReport}/attachments/1` }),
  'POST /api/reporting/reports/:id/attachments': () => ({ url: `/api/reporting/reports/${ids.otherReport}/attachments`, payload: {} }),
  'DELETE /api/reporting/reports/:id/attachments/:attachmentId': () => ({ url: `/api/reporting/reports/${ids.otherReport}/attachments/1` }),
  'POST /api/reporting/reports/:id/:action': () => ({ url: `/api/reporting/reports/${ids.otherReport}/submit`, payload: {} }),
  'GET /api/reporting/completeness': () => ({ url: `/api/reporting/completeness?regime=BC_TTHC&period=2026M10&unitId=${ids.otherCommune}` }),
  'POST /api/reporting/remind': () => ({ url: '/api/reporting/remind', payload: { regime: 'BC_TTHC', period: '2026M10', unitIds: [ids.otherCommune] } }),
  'GET /api/reporting/consolidated': () => ({ url: `/api/reporting/consolidated?regime=BC_TTHC&period=2026M10&unitId=${ids.otherCommune}` }),
  'PUT /api/org-units/boundaries': () => ({ url: '/api/org-units/boundaries', payload: { source: 'x', collection: { type: 'FeatureCollection', features: [] } } }),
};

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

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

  it('refuses an officer outside its role or its units with 403', async () => {
    for (const [route, make] of Object.entries(OUT_OF_SCOPE)) {
      const method = route.split(' ')[0] as 'GET';
      const { url, payload, status = 403 } = make();
      const res = await officer.request({ method, url, payload: payload as Record<string, unknown> | undefined });
      expect(res.statusCode, route).toBe(status);
      if (status === 409) expect(res.json().conflicts[0].value, route).toBe('outside your units');
      else if (status === 404) expect(res.json().error.code, route).toBe('not_found');
      else expect(['forbidden', 'out_of_scope'], route).toContain(res.json().error.code);
    }
  });

  it('publishes the API description with every documented route', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/org-units', '/api/users/{id}', '/api/auth/login']));
    expect(spec.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });

  it('lets an officer see its own users only, and a reviewer of the city see the officer below it', async () => {
    const mine = (await officer.request({ method: 'GET', url: '/api/users' })).json();
    expect(mine.items.map((u: { username: string }) => u.username)).toEqual(['canbo']);
    expect((await officer.request({ method: 'GET', url: `/api/users/${ids.officerUser}` })).statusCode).toBe(200);
    expect((await reviewer.request({ method: 'GET', url: `/api/users/${ids.officerUser}` })).statusCode).toBe(200);
  });
});
