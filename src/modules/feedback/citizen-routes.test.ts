import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { form, phonePhoto } from '../../../test/photos.js';

let t: TestApp;
let officer: Session;
let socTrang: number;
let photo: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
  socTrang = await unitId(t, '31507', '2025-07-01');
  photo = await phonePhoto();
});
afterAll(() => t?.close());

const report = () => ({
  category: 'TRAFFIC', description: 'Ổ gà lớn trước chợ, gọi tôi 0912 345 678 hoặc hoa@example.org', placeUnitId: socTrang, consent: true,
  contact: { name: 'Trần Thị Hoa', email: 'hoa@example.org' },
});
const sendForm = (payload: FormData) => t.app.inject({ method: 'POST', url: '/api/public/feedback', payload, remoteAddress: nextLoopback() });

describe('what the public sees', () => {
  let code: string;
  let caseId: number;
  beforeAll(async () => {
    const res = await sendForm(form({ report: JSON.stringify({ ...report(), lat: 9.6, lon: 105.97 }) }, [{ field: 'photos', name: 'a.jpg', type: 'image/jpeg', data: photo }]));
    code = res.json().trackingCode;
    caseId = (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
    // A second open report of the category, for the list to page through (the photo tests sent it when they shared this file).
    expect((await t.app.inject({ method: 'POST', url: '/api/public/feedback', payload: report(), remoteAddress: nextLoopback() })).statusCode).toBe(201);
  });

  it('masks phone numbers and e-mail addresses the citizen wrote, until an officer writes the public text', async () => {
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}` })).json();
    expect(page.description).toBe('Ổ gà lớn trước chợ, gọi tôi [đã ẩn] hoặc [đã ẩn]');
    const list = await t.app.inject({ method: 'GET', url: `/api/public/feedback?codes=${code}` });
    expect(list.json().items[0]).toMatchObject({ trackingCode: code, photos: 0, description: 'Ổ gà lớn trước chợ, gọi tôi [đã ẩn] hoặc [đã ẩn]', lat: 9.6, lon: 105.97 });
    expect(list.body).not.toMatch(/0912|hoa@example|Trần Thị Hoa/);
    const edited = await officer.request({ method: 'PATCH', url: `/api/feedback/cases/${caseId}`, payload: { publicDescription: 'Ổ gà lớn trước chợ Sóc Trăng' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}` })).json().description).toBe('Ổ gà lớn trước chợ Sóc Trăng');
    const open311 = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${code}.json` });
    expect(open311.json()[0]).toMatchObject({ description: 'Ổ gà lớn trước chợ Sóc Trăng', media_url: '' });
  });

  it('keeps a photo from the public, the list and Open311 until an officer has reviewed it', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}/photos/1` })).statusCode).toBe(404);
    const media = (await officer.request({ method: 'GET', url: `/api/feedback/cases/${caseId}` })).json().media;
    expect(media[0]).toMatchObject({ hidden: true, reviewed: false, redacted: false });
    const shown = await officer.request({ method: 'POST', url: `/api/feedback/cases/${caseId}/photos/${media[0].id}`, payload: { hidden: false } });
    expect(shown.statusCode, shown.body).toBe(200);
    expect((await officer.request({ method: 'GET', url: `/api/feedback/cases/${caseId}` })).json().media[0]).toMatchObject({ hidden: false, reviewed: true });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}/photos/1` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback?codes=${code}` })).json().items[0].photos).toBe(1);
    const open311 = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${code}.json` });
    expect(open311.json()[0].media_url).toBe(`http://localhost:80/api/public/feedback/${code}/photos/1`);
  });

  it('shows a photo blurred where the officer redacted it, hides it when asked, and keeps the original for the unit', async () => {
    const original = (await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}/photos/1` })).rawPayload;
    const media = (await officer.request({ method: 'GET', url: `/api/feedback/cases/${caseId}` })).json().media;
    expect(media).toHaveLength(1);
    const redact = await officer.request({ method: 'POST', url: `/api/feedback/cases/${caseId}/photos/${media[0].id}`, payload: { areas: [{ x: 0.04, y: 0.05, w: 0.2, h: 0.12 }] } });
    expect(redact.statusCode, redact.body).toBe(200);
    const published = (await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}/photos/1` })).rawPayload;
    expect(Buffer.compare(published, original)).not.toBe(0);
    // Inside the area the number plate's contrast is gone; outside, the photo is as before.
    const stats = async (img: Buffer, left: number, top: number) => (await sharp(await sharp(img).extract({ left, top, width: 200, height: 100 }).png().toBuffer()).stats()).channels[0]!.stdev;
    expect(await stats(published, 100, 100)).toBeLessThan((await stats(original, 100, 100)) / 4);
    expect(await stats(published, 800, 600)).toBe(await stats(original, 800, 600));
    const unit = await officer.request({ method: 'GET', url: `/api/feedback/cases/${caseId}/photos/${media[0].id}` });
    expect(Buffer.compare(unit.rawPayload, original)).toBe(0);
    await officer.request({ method: 'POST', url: `/api/feedback/cases/${caseId}/photos/${media[0].id}`, payload: { hidden: true } });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}/photos/1` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}` })).json().photos).toEqual([]);
    const timeline = (await officer.request({ method: 'GET', url: `/api/feedback/cases/${caseId}` })).json().timeline;
    expect(timeline.filter((e: { action: string }) => e.action === 'redact_photo')).toHaveLength(3); // published, blurred, hidden
  });

  it('filters the public list by category and status, pages it, and leaves out returned reports', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/public/feedback?category=TRAFFIC&status=open&pageSize=1' })).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.items).toHaveLength(1);
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/feedback?status=lost' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.status');
  });
});

describe('the public map', () => {
  it('shows district outlines until commune boundaries are loaded, then picks the commune under a pin', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/public/feedback/map' })).json();
    expect(before.picksCommune).toBe(false);
    expect(before.outlines.features).toHaveLength(11);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/feedback/place-at?lat=9.6&lon=105.97' })).json()).toEqual({ place: null });
    const square = [[105.95, 9.58], [106.0, 9.58], [106.0, 9.63], [105.95, 9.63], [105.95, 9.58]];
    const admin = await t.login('admin');
    const upload = await admin.request({ method: 'PUT', url: '/api/org-units/boundaries', payload: {
      asOf: '2025-07-01', source: 'test square',
      collection: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '31507' }, geometry: { type: 'Polygon', coordinates: [square] } }] },
    } });
    expect(upload.statusCode, upload.body).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: '/api/public/feedback/map' })).json();
    expect(after.picksCommune).toBe(true);
    expect(after.outlines.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['31507']);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/feedback/place-at?lat=9.6&lon=105.97' })).json()).toEqual({ place: { id: socTrang, code: '31507', name: 'Phường Sóc Trăng' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/feedback/place-at?lat=10.5&lon=105.97' })).json()).toEqual({ place: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/feedback/place-at?lat=north&lon=105.97' })).statusCode).toBe(400);
  });
});
