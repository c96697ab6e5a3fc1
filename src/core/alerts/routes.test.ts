import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { form, phonePhoto } from '../../../test/photos.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let token: string;
let ward: number;
let otherWard: number;

const raise = (payload: unknown, bearer = token) =>
  t.app.inject({ method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${bearer}` }, payload: payload as object, remoteAddress: nextLoopback() });
const hotline = (over: Record<string, unknown> = {}) => ({
  type: 'HOTLINE_114', title: { vi: 'Cháy nhà dân tại khóm 3', en: 'House fire in block 3' }, unitId: ward, location: { lat: 9.6, lon: 105.97 },
  externalId: 'CALL-1', evidence: { caller: '0912 345 678', receivedBy: 'Tổng đài 114' }, ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
  token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài 114', scopes: ['alerts'] } })).json().token;
  ward = await unitId(t, '31507', '2025-07-01');
  otherWard = await unitId(t, '31510', '2025-07-01');
});
afterAll(() => t?.close());

describe('raising alerts', () => {
  it('refuses the anonymous, a token without the alerts scope, and an officer', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/alerts', payload: hotline() })).statusCode).toBe(401);
    const reader = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Đọc', scopes: ['read'] } })).json().token;
    const refused = await raise(hotline(), reader);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('token_scope_missing');
    expect((await officer.request({ method: 'POST', url: '/api/alerts', payload: hotline() })).statusCode).toBe(403);
  });

  it('answers a new alert with its id, and names every mistake in both languages without writing anything', async () => {
    const created = await raise(hotline());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: expect.any(Number), created: true, occurrences: 1 });
    const before = (await admin.request({ method: 'GET', url: '/api/alerts?state=all' })).json().alerts.length;

    const unknownType = await raise(hotline({ type: 'NO_SUCH_TYPE' }));
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().error).toMatchObject({ code: 'reference_not_found', field: 'type' });
    const badSeverity = await raise(hotline({ severity: 'apocalyptic' }));
    expect(badSeverity.statusCode).toBe(400);
    expect(badSeverity.json().error.field).toBe('severity');
    const noTitle = await raise(hotline({ title: { en: 'only English' } }));
    expect(noTitle.statusCode).toBe(400);
    const ceased = await raise(hotline({ unitId: await unitId(t, '94', '2024-06-01') }));
    expect(ceased.statusCode).toBe(400);
    expect(ceased.json().error.code).toBe('alert_unit_not_in_force');
    expect(ceased.json().error.messages.vi).toContain('không có hiệu lực');
    const badPoint = await raise(hotline({ location: { lat: 200, lon: 0 } }));
    expect(badPoint.statusCode).toBe(400);
    const huge = await raise(hotline({ evidence: { blob: 'x'.repeat(9000) } }));
    expect(huge.statusCode).toBe(400);
    expect((await admin.request({ method: 'GET', url: '/api/alerts?state=all' })).json().alerts.length).toBe(before);
  });

  it('refreshes the active alert of the same source and dedupe key, even when repeats arrive at once', async () => {
    const first = await raise(hotline({ type: 'CAMERA_EVENT', dedupeKey: 'cam-17:crowd', title: { vi: 'Tụ tập đông người' } }));
    expect(first.statusCode).toBe(201);
    const repeats = await Promise.all(Array.from({ length: 10 }, () => raise(hotline({ type: 'CAMERA_EVENT', dedupeKey: 'cam-17:crowd', title: { vi: 'Tụ tập đông người' } }))));
    expect(repeats.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(new Set(repeats.map((r) => r.json().id))).toEqual(new Set([first.json().id]));
    const alert = (await admin.request({ method: 'GET', url: `/api/alerts/${first.json().id}` })).json();
    expect(alert.occurrences).toBe(11);
    expect(alert.title).toEqual({ vi: 'Tụ tập đông người', en: 'Tụ tập đông người' });
    // Another system's alert under the same key is its own.
    const other = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Camera 2', scopes: ['alerts'] } })).json().token;
    const theirs = await raise(hotline({ type: 'CAMERA_EVENT', dedupeKey: 'cam-17:crowd', title: { vi: 'Tụ tập' } }), other);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);
  });

  it('lets the source clear its alert when the condition is gone, and a new one starts after that', async () => {
    const raised = (await raise(hotline({ type: 'WEATHER_WARNING', dedupeKey: 'storm-5', unitId: undefined, title: { vi: 'Áp thấp nhiệt đới' } }))).json();
    const cleared = await t.app.inject({ method: 'POST', url: '/api/alerts/clear', headers: { authorization: `Bearer ${token}` }, payload: { dedupeKey: 'storm-5', note: 'Áp thấp đã suy yếu' } });
    expect(cleared.json()).toEqual({ id: raised.id });
    const alert = (await admin.request({ method: 'GET', url: `/api/alerts/${raised.id}` })).json();
    expect(alert.state).toBe('resolved');
    expect(alert.timeline.map((e: { action: string }) => e.action)).toEqual(['raised', 'cleared']);
    const again = (await raise(hotline({ type: 'WEATHER_WARNING', dedupeKey: 'storm-5', unitId: undefined, title: { vi: 'Áp thấp nhiệt đới' } }))).json();
    expect(again.created).toBe(true);
  });

  it('takes one photo with a multipart alert, re-encoded, and refuses what is not a photo', async () => {
    const photo = await phonePhoto({ width: 3000, height: 2000 });
    const res = await t.app.inject({
      method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` },
      payload: form({ alert: JSON.stringify(hotline({ type: 'CAMERA_EVENT', externalId: 'cam-3' })) }, [{ field: 'image', name: 'frame.jpg', type: 'image/jpeg', data: photo }]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const image = await admin.request({ method: 'GET', url: `/api/alerts/${res.json().id}/image` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.length).toBeLessThan(photo.length);
    const fake = await t.app.inject({
      method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` },
      payload: form({ alert: JSON.stringify(hotline()) }, [{ field: 'image', name: 'x.jpg', type: 'image/jpeg', data: Buffer.from('not a photo') }]),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error).toMatchObject({ code: 'invalid_photo', field: 'image' });
    const noJson = await t.app.inject({ method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` }, payload: form({ alert: '{oops' }, []) });
    expect(noJson.json().error.code).toBe('alert_json_required');
  });
});

describe('seeing alerts', () => {
  it('shows an officer the alerts of its units only, and a wall screen no personal data', async () => {
    const mine = (await raise(hotline({ externalId: 'A' }))).json().id;
    const theirs = (await raise(hotline({ externalId: 'B', unitId: otherWard }))).json().id;
    const list = (await officer.request({ method: 'GET', url: '/api/alerts' })).json();
    const ids = list.alerts.map((a: { id: number }) => a.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    expect((await officer.request({ method: 'GET', url: `/api/alerts/${theirs}` })).statusCode).toBe(404);
    expect(list.counts.critical).toBeGreaterThan(0);

    const wall = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Màn hình IOC', scopes: ['wall'] } })).json().token;
    const shown = (await t.app.inject({ method: 'GET', url: `/api/alerts/${mine}`, headers: { authorization: `Bearer ${wall}` } })).json();
    expect(shown.title.vi).toBe('Cháy nhà dân tại khóm 3');
    expect(shown.evidence).toBeUndefined();
    expect(shown.timeline).toEqual([]);
    expect(JSON.stringify(shown)).not.toContain('0912');
    const acted = await t.app.inject({ method: 'POST', url: `/api/alerts/${mine}/act`, headers: { authorization: `Bearer ${wall}` }, payload: { action: 'acknowledge' } });
    expect(acted.statusCode).toBe(403);
  });

  it('names the fields and types with their standard steps, and refuses bad list filters', async () => {
    const reference = (await officer.request({ method: 'GET', url: '/api/alerts/reference' })).json();
    expect(reference.fields.map((f: { code: string }) => f.code)).toContain('FEEDBACK');
    expect(reference.types.find((ty: { code: string }) => ty.code === 'HOTLINE_114')).toMatchObject({ defaultSeverity: 'critical', ackLimitMinutes: 5 });
    expect((await officer.request({ method: 'GET', url: '/api/alerts?state=lost' })).statusCode).toBe(400);
    expect((await officer.request({ method: 'GET', url: '/api/alerts?limit=100000' })).statusCode).toBe(400);
    expect((await officer.request({ method: 'GET', url: '/api/alerts/abc' })).statusCode).toBe(400);
  });
});
