import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, type TestApp } from '../../../test/helpers.js';
import { form, phonePhoto } from '../../../test/photos.js';

let t: TestApp;
let photo: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  photo = await phonePhoto();
});
afterAll(() => t?.close());

describe('Open311 media upload', () => {
  it('accepts a photo in the media field of a multipart POST and answers with its media_url', async () => {
    const token = (await (await t.login('admin')).request({ method: 'POST', url: '/api/tokens', payload: { name: 'FixMyStreet', scopes: ['open311'] } })).json().token;
    const res = await t.app.inject({
      method: 'POST', url: '/open311/v2/requests.json', remoteAddress: nextLoopback(),
      payload: form({ api_key: token, service_code: 'TRAFFIC', description: 'Ổ gà trên đường Lê Lợi', 'attribute[commune]': '31507' }, [{ field: 'media', name: 'p.jpg', type: 'image/jpeg', data: photo }]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json()[0].service_request_id;
    // The photo waits for an officer's review before a partner's feed links it.
    const got = (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` })).json()[0];
    expect(got.media_url).toBe('');
    expect(got).toMatchObject({ lat: expect.closeTo(9.6028, 3), long: expect.closeTo(105.9722, 3) });
    const fake = await t.app.inject({
      method: 'POST', url: '/open311/v2/requests.xml', remoteAddress: nextLoopback(),
      payload: form({ api_key: token, service_code: 'TRAFFIC', description: 'Ổ gà trên đường Lê Lợi', 'attribute[commune]': '31507' }, [{ field: 'media', name: 'p.jpg', type: 'image/jpeg', data: Buffer.from('not an image') }]),
    });
    expect(fake.statusCode, fake.body).toBe(400);
    expect(fake.body.replace(/\s+</g, '<')).toMatch(/<errors><error><code>400<\/code><description>media: The file p.jpg is not a photo/);
  });

  it('shows a photo at once where the category says its photos may be public', async () => {
    const token = (await (await t.login('admin')).request({ method: 'POST', url: '/api/tokens', payload: { name: 'FixMyStreet 2', scopes: ['open311'] } })).json().token;
    await t.database.db.updateTable('case_category').set({ photos_public: true }).where('kind', '=', 'feedback').where('code', '=', 'LIGHTING').execute();
    const res = await t.app.inject({
      method: 'POST', url: '/open311/v2/requests.json', remoteAddress: nextLoopback(),
      payload: form({ api_key: token, service_code: 'LIGHTING', description: 'Đèn đường tắt cả tuần', 'attribute[commune]': '31507' }, [{ field: 'media', name: 'p.jpg', type: 'image/jpeg', data: photo }]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json()[0].service_request_id;
    const got = (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` })).json()[0];
    expect(got.media_url).toMatch(new RegExp(`/api/public/feedback/${id}/photos/1$`));
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback/${id}/photos/1` })).statusCode).toBe(200);
  });
});
