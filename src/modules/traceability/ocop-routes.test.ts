import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epcisDocument, lotClass, season } from '../../../test/epcis-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';

// The public catalogue and product pages over the demo producers (data/demo/traceability.json): verified ones only.

let t: TestApp;
let admin: Session;
let htx: Session;
const RICE = '08936094000010';
const SHRIMP = '08936097000017';
beforeAll(async () => {
  t = await createTestApp();
  [admin, htx] = await Promise.all([t.login('admin'), t.login('htx')]);
});
afterAll(() => t?.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const gtins = (page: { items: { gtin: string }[] }) => page.items.map((i) => i.gtin).sort();

describe('the public catalogue', () => {
  it('lists the products of verified producers only, with their producer, group names and lots, and no staff names', async () => {
    const page = await get('/api/public/traceability/products');
    expect(page.total).toBe(6);
    expect(gtins(page)).not.toContain(SHRIMP);
    const rice = page.items.find((i: { gtin: string }) => i.gtin === RICE);
    expect(rice).toMatchObject({
      nameVi: 'Gạo ST25 Ngã Năm (mẫu)', category: { code: 'rice', nameVi: 'Lúa gạo', nameEn: 'Rice' },
      ocop: { stars: 4, group: { code: 'food', nameVi: 'Thực phẩm', nameEn: 'Food' }, year: 2024 },
      producer: { name: 'HTX Nông nghiệp Lúa Thơm Ngã Năm (mẫu)', communeCode: '31732', communeName: 'Phường Ngã Năm', phone: '0299 3860 111' },
      lots: 2, tracedLots: 0, imageUrl: null,
    });
    expect(rice.pageUrl).toMatch(new RegExp(`/01/${RICE}$`));
    expect(rice.latestLotUri).toMatch(new RegExp(`/01/${RICE}/10/ST25-TD-02$`));
    expect(page.items[0].ocop.stars).toBe(5); // the most stars first
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/verifiedBy|createdBy|"system"|htx/);
  });

  it('filters by stars, group, category, commune and text, and pages', async () => {
    expect(gtins(await get('/api/public/traceability/products?stars=5'))).toEqual(['08936096000018']);
    expect(gtins(await get('/api/public/traceability/products?category=rice'))).toEqual([RICE, '08936094000027']);
    expect((await get('/api/public/traceability/products?group=food')).total).toBe(5);
    expect(gtins(await get('/api/public/traceability/products?commune=31783'))).toEqual(['08936095000019']);
    expect(gtins(await get(`/api/public/traceability/products?q=${encodeURIComponent('Pía')}`))).toEqual(['08936096000018', '08936096000025']); // the producer's name
    expect(gtins(await get(`/api/public/traceability/products?q=${encodeURIComponent('đậu xanh')}`))).toEqual(['08936096000018']);
    expect(gtins(await get(`/api/public/traceability/products?q=${encodeURIComponent('Kế Sách')}`))).toEqual(['08936098000016']);
    expect((await get('/api/public/traceability/products?commune=31723')).total).toBe(0);
    const second = await get('/api/public/traceability/products?limit=4&offset=4');
    expect(second).toMatchObject({ total: 6, limit: 4, offset: 4 });
    expect(second.items).toHaveLength(2);
    for (const bad of ['stars=6', 'limit=0', 'commune=abc', 'group=Th%E1%BB%B1c']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/traceability/products?${bad}` });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('shows a pending producer\'s products once it is verified', async () => {
    const producers = (await admin.request({ method: 'GET', url: '/api/traceability/producers?status=pending' })).json().items;
    const shrimp = producers.find((p: { name: string }) => p.name.startsWith('Trang trại tôm sú'));
    expect((await t.app.inject({ method: 'GET', url: `/api/public/traceability/products/${SHRIMP}` })).statusCode).toBe(404);
    expect((await admin.request({ method: 'POST', url: `/api/traceability/producers/${shrimp.id}/verification`, payload: { status: 'verified' } })).statusCode).toBe(200);
    expect(gtins(await get('/api/public/traceability/products?category=aquatic'))).toEqual([SHRIMP]);
    expect((await admin.request({ method: 'POST', url: `/api/traceability/producers/${shrimp.id}/verification`, payload: { status: 'suspended' } })).statusCode).toBe(200);
    expect((await get('/api/public/traceability/products?category=aquatic')).total).toBe(0);
  });
});

describe('a product page', () => {
  it('answers the certificates valid today, the lots with their events and recall, and the events recorded', async () => {
    const lot = lotClass(RICE, 'ST25-HT-01');
    const captured = await htx.request({ method: 'POST', url: '/api/traceability/epcis/capture', payload: epcisDocument(season(lot, 'urn:tinhso:place:demo.CDL-01')), headers: { 'content-type': 'application/ld+json' } });
    expect(captured.json().success, captured.body).toBe(true);
    const page = await get('/api/public/traceability/products/8936094000010'); // GTIN-13 as printed
    expect(page.gtin).toBe(RICE);
    expect(page.certificates.map((c: { scheme: { code: string } }) => c.scheme.code).sort()).toEqual(['ocop', 'vietgap']);
    expect(page.lotList.map((l: { lot: string }) => l.lot)).toEqual(['ST25-TD-02', 'ST25-HT-01']);
    expect(page.lotList[1]).toMatchObject({ events: 6, recalled: false, recalledAt: null });
    expect(page.lotList[1].uri).toMatch(/\/01\/08936094000010\/10\/ST25-HT-01$/);
    expect(page.events).toBe(6);
    expect(page).toMatchObject({ lots: 2, tracedLots: 1 });
    const own = (await htx.request({ method: 'GET', url: `/api/traceability/products/${(await htx.request({ method: 'GET', url: '/api/traceability/products' })).json().items.find((p: { gtin: string }) => p.gtin === RICE).id}/lots` })).json().items;
    const recalled = await htx.request({ method: 'POST', url: `/api/traceability/lots/${own.find((l: { lot: string }) => l.lot === 'ST25-TD-02').id}/recall`, payload: { reason: 'Kiểm tra dư lượng' } });
    expect(recalled.statusCode, recalled.body).toBe(200);
    const after = await get(`/api/public/traceability/products/${RICE}`);
    expect(after.lotList[0]).toMatchObject({ lot: 'ST25-TD-02', recalled: true, recallReason: 'Kiểm tra dư lượng' });
    expect(JSON.stringify(after)).not.toMatch(/verifiedBy|createdBy|capturedBy|htx/);
  });

  it('leaves out an expired certificate, and answers 404 for an unknown GTIN and 400 for a wrong check digit', async () => {
    const shallot = await get('/api/public/traceability/products/08936095000019');
    expect(shallot.certificates.map((c: { scheme: { code: string } }) => c.scheme.code)).toEqual(['food_safety']);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/traceability/products/8936094000034' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/traceability/products/8936094000011' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/traceability/products/${RICE}/image` })).statusCode).toBe(404);
  });

  it('links and serves the photo of a verified producer\'s product, not of a pending one\'s', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
    await t.database.db.updateTable('trace_product').set({ image: jpeg, image_type: 'image/jpeg' }).where('gtin', 'in', [RICE, SHRIMP]).execute();
    const rice = await get(`/api/public/traceability/products/${RICE}`);
    expect(rice.imageUrl).toMatch(new RegExp(`/api/public/traceability/products/${RICE}/image$`));
    const image = await t.app.inject({ method: 'GET', url: `/api/public/traceability/products/${RICE}/image` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.equals(jpeg)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/traceability/products/${SHRIMP}/image` })).statusCode).toBe(404);
  });

  it('is in the OpenAPI document, each path with its schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/public/traceability/products', '/api/public/traceability/products/{gtin}', '/api/public/traceability/products/{gtin}/image', '/api/public/traceability/feed.json', '/api/public/traceability/feed.csv']) {
      expect(doc.paths[path]?.get, path).toBeTruthy();
    }
  });
});
