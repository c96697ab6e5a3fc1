import { expect } from 'vitest';
import { epcisDocument, lotClass, season } from './epcis-fixtures.js';
import { traceWorld, type TraceWorld } from './traceability-setup.js';

// The consumer side's world: the rice cooperative verified, with a growing area that has coordinates, a product, a
// lot with its season of events (sowing to shipping), three serials and a VietGAP certificate; a second lot harvested
// inside a spraying's pre-harvest interval; the shallot household left pending, with a product of its own.

export const GTIN = '08931234500016';
export const SHALLOT_GTIN = '08930000000019';
export const LOT = 'ST25-2026-01';
export const EARLY_LOT = 'ST25-2026-02';
export const PLACE = 'urn:tinhso:place:1.LUA-A';

export interface ConsumerWorld extends TraceWorld { productId: number; lotId: number; earlyLotId: number; serials: string[] }

export async function consumerWorld(): Promise<ConsumerWorld> {
  const w = await traceWorld();
  const as = w.rice.session;
  const ok = (res: { statusCode: number; body: string }, status = 201) => { expect(res.statusCode, res.body).toBe(status); return JSON.parse(res.body); };
  ok(await w.reviewer.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/verification`, payload: { status: 'verified' } }), 200);
  const place = ok(await as.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/places`, payload: {
    kind: 'area', code: 'LUA-A', name: 'Cánh đồng lớn Phước An', location: PLACE, unitId: w.ward, areaHa: 50, lat: 9.6031, lon: 105.9739,
  } }));
  const product = ok(await as.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/products`, payload: {
    gtin: GTIN, nameVi: 'Gạo ST25 Phước An', nameEn: 'Phước An ST25 rice', category: 'rice', ocopStars: 4, ocopGroup: 'food', ocopYear: 2025, description: 'Gạo thơm & dẻo <ngon>',
  } }));
  const lot = ok(await as.request({ method: 'POST', url: `/api/traceability/products/${product.id}/lots`, payload: {
    lot: LOT, productionDate: '2026-11-22', expiryDate: '2027-11-22', quantity: 6.5, uom: 'TNE', placeId: place.id,
  } }));
  const early = ok(await as.request({ method: 'POST', url: `/api/traceability/products/${product.id}/lots`, payload: { lot: EARLY_LOT, productionDate: '2026-11-19' } }));
  const serials = ok(await as.request({ method: 'POST', url: `/api/traceability/lots/${lot.id}/serials`, payload: { count: 3 } })).serials as string[];
  ok(await as.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/certificates`, payload: {
    productId: product.id, scheme: 'vietgap', number: 'VG-2026-0001', issuer: 'Trung tâm Chứng nhận VietGAP', validFrom: '2026-01-01', validTo: '2028-12-31',
  } }));
  ok(await as.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/certificates`, payload: {
    scheme: 'organic', number: 'HC-2021-9', issuer: 'Tổ chức chứng nhận hữu cơ', validFrom: '2021-01-01', validTo: '2024-01-01',
  } }));
  const capture = async (events: Record<string, unknown>[]) => {
    const res = await as.request({ method: 'POST', url: '/api/traceability/epcis/capture', payload: epcisDocument(events), headers: { 'content-type': 'application/ld+json' } });
    expect(res.json().success, res.body).toBe(true);
  };
  await capture(season(lotClass(GTIN, LOT), PLACE));
  const early2 = lotClass(GTIN, EARLY_LOT);
  await capture([
    { type: 'ObjectEvent', eventTime: '2026-11-10T01:00:00.000Z', eventTimeZoneOffset: '+07:00', quantityList: [{ epcClass: early2, quantity: 1, uom: 'TNE' }], action: 'OBSERVE',
      bizStep: 'tinhso:BizStep-spraying', bizLocation: { id: PLACE }, 'tinhso:pesticide': 'Regent 800WG', 'tinhso:preHarvestIntervalDays': 14 },
    { type: 'ObjectEvent', eventTime: '2026-11-18T01:00:00.000Z', eventTimeZoneOffset: '+07:00', quantityList: [{ epcClass: early2, quantity: 1, uom: 'TNE' }], action: 'ADD',
      bizStep: 'tinhso:BizStep-harvesting', bizLocation: { id: PLACE } },
  ]);
  const shallot = ok(await w.shallot.session.request({ method: 'POST', url: `/api/traceability/producers/${w.shallot.id}/products`, payload: { gtin: SHALLOT_GTIN, nameVi: 'Hành tím Vĩnh Châu', category: 'vegetable' } }));
  expect(shallot.id).toBeTruthy();
  return { ...w, productId: product.id, lotId: lot.id, earlyLotId: early.id, serials };
}

/** A page of the resolver, anonymously. */
export const hit = (w: TraceWorld, url: string, headers: Record<string, string> = {}) => w.t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });
