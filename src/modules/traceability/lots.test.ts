import { createRequire } from 'node:module';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceWorld, type TraceWorld } from '../../../test/traceability-setup.js';
import { completeKey } from './gs1/keys.js';

// jsQR is CommonJS whose module is the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as (typeof import('jsqr'))['default'];
async function decode(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

let w: TraceWorld;
let productId: number;
let shallotProductId: number;
let placeId: number;
let shallotPlaceId: number;
const GTIN = `0${completeKey('893123450021')}`;
const base = () => w.t.ctx.config.publicUrl.replace(/\/$/, '');

beforeAll(async () => {
  w = await traceWorld();
  const post = async (session: TraceWorld['admin'], url: string, payload: object) => {
    const r = await session.request({ method: 'POST', url, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  productId = await post(w.rice.session, `/api/traceability/producers/${w.rice.id}/products`, { gtin: GTIN, nameVi: 'Gạo ST25 Phước An', category: 'rice' });
  shallotProductId = await post(w.shallot.session, `/api/traceability/producers/${w.shallot.id}/products`, { gtin: completeKey('893123450022'), nameVi: 'Hành tím', category: 'vegetable' });
  placeId = await post(w.rice.session, `/api/traceability/producers/${w.rice.id}/places`, { kind: 'area', code: 'VT-01', name: 'Vùng trồng 1', unitId: w.ward });
  shallotPlaceId = await post(w.shallot.session, `/api/traceability/producers/${w.shallot.id}/places`, { kind: 'area', code: 'VT-01', name: 'Ruộng hành', unitId: w.other });
});
afterAll(() => w?.t.close());

const lot = { lot: 'ST25-2026-11', productionDate: '2026-11-20', expiryDate: '2027-11-20', quantity: 1200, uom: 'KGM' };

describe('lots', () => {
  it('creates a lot once, at a place of its own producer, with its Digital Link URI', async () => {
    const url = `/api/traceability/products/${productId}/lots`;
    const made = await w.rice.session.request({ method: 'POST', url, payload: { ...lot, placeId } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ gtin: GTIN, lot: 'ST25-2026-11', placeId, serials: 0, recalledAt: null, uri: `${base()}/01/${GTIN}/10/ST25-2026-11` });
    const again = await w.rice.session.request({ method: 'POST', url, payload: lot });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'lot_taken', field: 'lot' });
    const foreignPlace = await w.rice.session.request({ method: 'POST', url, payload: { ...lot, lot: 'B', placeId: shallotPlaceId } });
    expect(foreignPlace.json().error).toMatchObject({ code: 'reference_not_found', field: 'placeId' });
    const backwards = await w.rice.session.request({ method: 'POST', url, payload: { ...lot, lot: 'B', expiryDate: '2026-01-01' } });
    expect(backwards.json().error).toMatchObject({ code: 'validation_failed', field: 'expiryDate' });
    const accents = await w.rice.session.request({ method: 'POST', url, payload: { ...lot, lot: 'Lô 1' } });
    expect(accents.json().error.field).toBe('lot');
    expect((await w.rice.session.request({ method: 'POST', url: `/api/traceability/products/${shallotProductId}/lots`, payload: lot })).statusCode).toBe(403);
    expect((await w.rice.session.request({ method: 'POST', url: '/api/traceability/products/99999999/lots', payload: lot })).statusCode).toBe(404);
    const list = (await w.officer.request({ method: 'GET', url })).json().items;
    expect(list.map((l: { lot: string }) => l.lot)).toEqual(['ST25-2026-11']);
    expect((await w.officer.request({ method: 'GET', url: `/api/traceability/products/${shallotProductId}/lots` })).statusCode).toBe(403);
    expect((await w.shallot.session.request({ method: 'GET', url: `/api/traceability/lots/${made.json().id}` })).statusCode).toBe(403);
    expect((await w.rice.session.request({ method: 'GET', url: '/api/traceability/lots/99999999' })).statusCode).toBe(404);
  });

  it('labels a lot with a QR code that reads back as its URI, as PNG, SVG and an A4 sheet', async () => {
    const [l] = (await w.rice.session.request({ method: 'GET', url: `/api/traceability/products/${productId}/lots` })).json().items;
    const png = await w.rice.session.request({ method: 'GET', url: `/api/traceability/lots/${l.id}/label.png` });
    expect(png.headers['content-type']).toBe('image/png');
    expect(await decode(png.rawPayload)).toBe(l.uri);
    const svg = await w.rice.session.request({ method: 'GET', url: `/api/traceability/lots/${l.id}/label.svg` });
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(await decode(await sharp(svg.rawPayload).resize(600).png().toBuffer())).toBe(l.uri);
    const pdf = await w.rice.session.request({ method: 'GET', url: `/api/traceability/lots/${l.id}/labels.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf.rawPayload));
    expect(doc.numPages).toBe(1);
    expect((await extractText(doc, { mergePages: true })).text.replace(/\s+/g, '')).toContain(`/01/${GTIN}/10/ST25-2026-11`);
    expect((await w.shallot.session.request({ method: 'GET', url: `/api/traceability/lots/${l.id}/label.png` })).statusCode).toBe(403);
  });

  it('issues serials numbered per product, and prints one label per serial', async () => {
    const [l] = (await w.rice.session.request({ method: 'GET', url: `/api/traceability/products/${productId}/lots` })).json().items;
    const issued = await w.rice.session.request({ method: 'POST', url: `/api/traceability/lots/${l.id}/serials`, payload: { count: 20 } });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({ lotId: l.id, total: 20 });
    expect(issued.json().serials.slice(0, 2)).toEqual(['1', '2']);
    const other = (await w.rice.session.request({ method: 'POST', url: `/api/traceability/products/${productId}/lots`, payload: { ...lot, lot: 'ST25-2026-12' } })).json();
    const more = await w.rice.session.request({ method: 'POST', url: `/api/traceability/lots/${other.id}/serials`, payload: { count: 2 } });
    expect(more.json().serials).toEqual(['21', '22']);
    expect((await w.rice.session.request({ method: 'POST', url: `/api/traceability/lots/${l.id}/serials`, payload: { count: 0 } })).json().error.field).toBe('count');
    expect((await w.shallot.session.request({ method: 'POST', url: `/api/traceability/lots/${l.id}/serials`, payload: { count: 1 } })).statusCode).toBe(403);
    const page = (await w.officer.request({ method: 'GET', url: `/api/traceability/lots/${l.id}/serials?limit=5&offset=15` })).json();
    expect(page).toEqual({ lotId: l.id, serials: ['16', '17', '18', '19', '20'], total: 20 });
    const pdf = await w.rice.session.request({ method: 'GET', url: `/api/traceability/lots/${l.id}/labels.pdf` });
    const doc = await getDocumentProxy(new Uint8Array(pdf.rawPayload));
    expect(doc.numPages).toBe(2); // 20 labels, 18 a page
    const text = (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, '');
    expect(text).toContain(`/01/${GTIN}/21/20`);
  });

  it('recalls a lot once, with its reason, and issues it no more serials', async () => {
    const [, l] = (await w.rice.session.request({ method: 'GET', url: `/api/traceability/products/${productId}/lots` })).json().items;
    expect((await w.rice.session.request({ method: 'POST', url: `/api/traceability/lots/${l.id}/recall`, payload: { reason: '' } })).json().error.field).toBe('reason');
    expect((await w.leader.request({ method: 'POST', url: `/api/traceability/lots/${l.id}/recall`, payload: { reason: 'x' } })).statusCode).toBe(403);
    const recalled = await w.officer.request({ method: 'POST', url: `/api/traceability/lots/${l.id}/recall`, payload: { reason: 'Dư lượng thuốc BVTV vượt ngưỡng' } });
    expect(recalled.statusCode, recalled.body).toBe(200);
    expect(recalled.json()).toMatchObject({ recallReason: 'Dư lượng thuốc BVTV vượt ngưỡng', recalledAt: expect.any(String) });
    const twice = await w.rice.session.request({ method: 'POST', url: `/api/traceability/lots/${l.id}/recall`, payload: { reason: 'again' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('lot_already_recalled');
    expect((await w.rice.session.request({ method: 'POST', url: `/api/traceability/lots/${l.id}/serials`, payload: { count: 1 } })).json().error.code).toBe('lot_recalled');
  });
});
