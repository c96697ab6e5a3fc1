import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type TestApp } from '../../../test/helpers.js';
import { form, phonePhoto } from '../../../test/photos.js';

let t: TestApp;
let socTrang: number;
let photo: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  socTrang = await unitId(t, '31507', '2025-07-01');
  photo = await phonePhoto();
});
afterAll(() => t?.close());

const report = () => ({
  category: 'TRAFFIC', description: 'Ổ gà lớn trước chợ, gọi tôi 0912 345 678 hoặc hoa@example.org', placeUnitId: socTrang, consent: true,
  contact: { name: 'Trần Thị Hoa', email: 'hoa@example.org' },
});
const sendForm = (payload: FormData) => t.app.inject({ method: 'POST', url: '/api/public/feedback', payload, remoteAddress: nextLoopback() });
const caseCount = async () => Number((await t.database.db.selectFrom('case_record').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('photos with a report', () => {
  it('stores each photo resized and without metadata, shows it once an officer has reviewed it, and takes the pin from its EXIF location', async () => {
    const res = await sendForm(form({ report: JSON.stringify(report()) }, [
      { field: 'photos', name: 'IMG_0001.JPG', type: 'image/jpeg', data: photo },
      { field: 'photos', name: 'IMG_0002.JPG', type: 'image/jpeg', data: await phonePhoto({ gps: false, width: 800, height: 1200 }) },
    ]));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ photos: 2, located: true });
    const code = res.json().trackingCode as string;
    const c = await t.database.db.selectFrom('case_record').select(['id', 'lat', 'lon']).where('tracking_code', '=', code).executeTakeFirstOrThrow();
    expect(c.lat).toBeCloseTo(9.6028, 3);
    expect(c.lon).toBeCloseTo(105.9722, 3);
    // Until an officer has looked at them, the photos are the unit's only.
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}` })).json().photos).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}/photos/1` })).statusCode).toBe(404);
    const officer = await t.login('canbo');
    const media = (await officer.request({ method: 'GET', url: `/api/feedback/cases/${c.id}` })).json().media as { id: number; hidden: boolean; reviewed: boolean }[];
    expect(media.map((m) => [m.hidden, m.reviewed])).toEqual([[true, false], [true, false]]);
    for (const m of media) expect((await officer.request({ method: 'POST', url: `/api/feedback/cases/${c.id}/photos/${m.id}`, payload: { hidden: false } })).statusCode).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}` })).json();
    expect(page.photos).toEqual([
      { position: 1, width: 1600, height: 1200, url: `/api/public/feedback/${code}/photos/1` },
      { position: 2, width: 800, height: 1200, url: `/api/public/feedback/${code}/photos/2` },
    ]);
    const image = await t.app.inject({ method: 'GET', url: page.photos[0].url });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(image.rawPayload).metadata();
    expect([meta.format, meta.width, meta.exif]).toEqual(['jpeg', 1600, undefined]);
    expect(await exifr.gps(image.rawPayload).catch(() => undefined)).toBeUndefined();
  });

  it('refuses a file that is not an image even when named .jpg, and stores nothing of the report', async () => {
    const before = await caseCount();
    const fake = Buffer.from('%PDF-1.4 this is a document, not a photo');
    const res = await sendForm(form({ report: JSON.stringify(report()) }, [
      { field: 'photos', name: 'IMG_0001.JPG', type: 'image/jpeg', data: photo },
      { field: 'photos', name: 'anh-hien-truong.jpg', type: 'image/jpeg', data: fake },
    ]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_photo', field: 'photos' });
    expect(res.json().error.messages.vi).toContain('anh-hien-truong.jpg');
    expect(await caseCount()).toBe(before);
  });

  it('refuses a sixth photo, a photo over 10 MB and a form without the report', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ field: 'photos', name: `${i}.jpg`, type: 'image/jpeg', data: photo }));
    const tooMany = await sendForm(form({ report: JSON.stringify(report()) }, six));
    expect(tooMany.json().error).toMatchObject({ code: 'too_many_photos', field: 'photos' });
    const huge = await sendForm(form({ report: JSON.stringify(report()) }, [{ field: 'photos', name: 'big.jpg', type: 'image/jpeg', data: Buffer.alloc(11 * 1024 * 1024, 1) }]));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('photo_too_large');
    const noReport = await sendForm(form({}, [{ field: 'photos', name: 'a.jpg', type: 'image/jpeg', data: photo }]));
    expect(noReport.json().error.field).toBe('report');
    const badReport = await sendForm(form({ report: JSON.stringify({ ...report(), consent: false }) }, []));
    expect(badReport.json().error.field).toBe('consent');
  });
});
