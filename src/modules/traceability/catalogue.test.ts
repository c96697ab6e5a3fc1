import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, phonePhoto } from '../../../test/photos.js';
import { traceWorld, type TraceWorld } from '../../../test/traceability-setup.js';
import { completeKey } from './gs1/keys.js';

let w: TraceWorld;
beforeAll(async () => { w = await traceWorld(); });
afterAll(() => w?.t.close());

const RICE_GTIN = completeKey('893123450001');
const SHALLOT_GTIN = completeKey('893123450002');
const product = (gtin: string, extra: Record<string, unknown> = {}) => ({ gtin, nameVi: 'Gạo ST25', category: 'rice', ...extra });

describe('places', () => {
  it('lists and creates a producer\'s places, with the platform\'s location by default, once per code and location', async () => {
    const url = `/api/traceability/producers/${w.rice.id}/places`;
    const made = await w.rice.session.request({ method: 'POST', url, payload: { kind: 'area', code: 'VT-01', name: 'Cánh đồng lớn ấp Phước An', unitId: w.ward, areaHa: 50 } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ location: `urn:tinhso:place:${w.rice.id}.VT-01`, unitName: expect.any(String), areaHa: 50 });
    const again = await w.rice.session.request({ method: 'POST', url, payload: { kind: 'area', code: 'VT-01', name: 'x', unitId: w.ward } });
    expect(again.json().error).toMatchObject({ code: 'place_taken', field: 'code' });
    expect(again.statusCode).toBe(409);
    const location = await w.officer.request({ method: 'POST', url, payload: { kind: 'facility', code: 'KHO', name: 'Kho', unitId: w.ward, location: `urn:tinhso:place:${w.rice.id}.VT-01` } });
    expect(location.json().error).toMatchObject({ code: 'place_taken', field: 'location' });
    const bad = await w.rice.session.request({ method: 'POST', url, payload: { kind: 'area', code: 'VT 02', name: 'x', unitId: w.ward, lat: 9.6 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'lat']);
    const noUnit = await w.rice.session.request({ method: 'POST', url, payload: { kind: 'area', code: 'VT-02', name: 'x', unitId: 99999999 } });
    expect(noUnit.json().error).toMatchObject({ code: 'reference_not_found', field: 'unitId' });
    expect((await w.rice.session.request({ method: 'GET', url })).json().items.map((p: { code: string }) => p.code)).toEqual(['VT-01']);
    expect((await w.rice.session.request({ method: 'GET', url: `/api/traceability/producers/${w.shallot.id}/places` })).statusCode).toBe(403);
    expect((await w.rice.session.request({ method: 'POST', url: `/api/traceability/producers/${w.shallot.id}/places`, payload: { kind: 'area', code: 'X', name: 'x', unitId: w.other } })).statusCode).toBe(403);
    expect((await w.officer.request({ method: 'GET', url: '/api/traceability/producers/99999999/places' })).statusCode).toBe(404);
  });
});

describe('products', () => {
  it('registers a product under a GTIN written as GTIN-14, once across producers', async () => {
    const made = await w.rice.session.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/products`, payload: product(RICE_GTIN, { ocopStars: 4, ocopGroup: 'food', ocopYear: 2025 }) });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ gtin: `0${RICE_GTIN}`, producerName: 'HTX Nông nghiệp Phước An', hasImage: false, lots: 0 });
    const taken = await w.shallot.session.request({ method: 'POST', url: `/api/traceability/producers/${w.shallot.id}/products`, payload: product(`0${RICE_GTIN}`, { category: 'vegetable' }) });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'gtin_taken', field: 'gtin' });
    const check = await w.rice.session.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/products`, payload: product(RICE_GTIN.slice(0, 12) + ((Number(RICE_GTIN[12]) + 1) % 10)) });
    expect(check.json().error).toMatchObject({ code: 'validation_failed', field: 'gtin' });
    expect(check.json().error.message).toMatch(/chữ số kiểm tra của GTIN/);
    const category = await w.rice.session.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/products`, payload: product(SHALLOT_GTIN, { category: 'spaceship' }), headers: { 'accept-language': 'en' } });
    expect(category.json().error.field).toBe('category');
    const shallot = await w.shallot.session.request({ method: 'POST', url: `/api/traceability/producers/${w.shallot.id}/products`, payload: product(SHALLOT_GTIN, { nameVi: 'Hành tím Vĩnh Châu', category: 'vegetable' }) });
    expect(shallot.statusCode, shallot.body).toBe(201);
  });

  it('keeps each producer to its products, an officer to its units\' and a leader to reading', async () => {
    const own = (await w.rice.session.request({ method: 'GET', url: '/api/traceability/products' })).json().items;
    expect(own.map((p: { gtin: string }) => p.gtin)).toEqual([`0${RICE_GTIN}`]);
    const shallotId = (await w.shallot.session.request({ method: 'GET', url: '/api/traceability/products' })).json().items[0].id as number;
    expect((await w.rice.session.request({ method: 'GET', url: `/api/traceability/products/${shallotId}` })).statusCode).toBe(403);
    expect((await w.rice.session.request({ method: 'PATCH', url: `/api/traceability/products/${shallotId}`, payload: { nameVi: 'Của tôi' } })).statusCode).toBe(403);
    expect((await w.rice.session.request({ method: 'POST', url: `/api/traceability/producers/${w.shallot.id}/products`, payload: product(completeKey('893123450003')) })).statusCode).toBe(403);
    expect((await w.officer.request({ method: 'GET', url: '/api/traceability/products' })).json().items.map((p: { gtin: string }) => p.gtin)).toEqual([`0${RICE_GTIN}`]);
    expect((await w.officer.request({ method: 'GET', url: `/api/traceability/products/${shallotId}` })).statusCode).toBe(403);
    // A leader reads every producer's products: these two and the demo's.
    const all = (await w.leader.request({ method: 'GET', url: '/api/traceability/products' })).json().items.map((p: { id: number }) => p.id);
    expect(all).toEqual(expect.arrayContaining([own[0].id, shallotId]));
    expect((await w.leader.request({ method: 'PATCH', url: `/api/traceability/products/${shallotId}`, payload: { nameVi: 'x' } })).statusCode).toBe(403);
    expect((await w.rice.session.request({ method: 'GET', url: '/api/traceability/products/99999999' })).statusCode).toBe(404);
  });

  it('edits a product, OCOP stars and group together, and takes one photo', async () => {
    const id = (await w.rice.session.request({ method: 'GET', url: '/api/traceability/products' })).json().items[0].id as number;
    const edited = await w.rice.session.request({ method: 'PATCH', url: `/api/traceability/products/${id}`, payload: { nameEn: 'ST25 rice', whereToBuy: 'Chợ Sóc Trăng' } });
    expect(edited.json()).toMatchObject({ nameEn: 'ST25 rice', whereToBuy: 'Chợ Sóc Trăng', ocopStars: 4 });
    const half = await w.rice.session.request({ method: 'PATCH', url: `/api/traceability/products/${id}`, payload: { ocopGroup: null } });
    expect(half.json().error).toMatchObject({ code: 'validation_failed', field: 'ocopGroup' });
    expect((await w.rice.session.request({ method: 'PATCH', url: `/api/traceability/products/${id}`, payload: { gtin: SHALLOT_GTIN } })).statusCode).toBe(400);
    expect((await w.rice.session.request({ method: 'GET', url: `/api/traceability/products/${id}/image` })).statusCode).toBe(404);
    const notPhoto = await w.rice.session.request({ method: 'PUT', url: `/api/traceability/products/${id}/image`, payload: form({}, [{ field: 'image', name: 'a.jpg', type: 'image/jpeg', data: Buffer.from('not a photo') }]) });
    expect(notPhoto.json().error).toMatchObject({ code: 'invalid_photo', field: 'image' });
    const put = await w.rice.session.request({ method: 'PUT', url: `/api/traceability/products/${id}/image`, payload: form({}, [{ field: 'image', name: 'gao.jpg', type: 'image/jpeg', data: await phonePhoto() }]) });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().hasImage).toBe(true);
    const image = await w.officer.request({ method: 'GET', url: `/api/traceability/products/${id}/image` });
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect((await w.shallot.session.request({ method: 'GET', url: `/api/traceability/products/${id}/image` })).statusCode).toBe(403);
  });
});
