import { afterAll, beforeAll } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from '../helpers.js';

// Live bindings, set by useAccessApp's beforeAll: the tests and the route tables read them as plain names.
export let t: TestApp;
export let officer: Session;
export let reviewer: Session;
export let ids: {
  city: number; otherCommune: number; adminUser: number; officerUser: number; otherCase: number; otherReport: number; otherAlert: number;
  trace: { producer: number; product: number; lot: number; certificate: number };
};

/** One app per test file (files run in parallel processes), with a report and a case the officer may not touch. */
export function useAccessApp(): void {
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
      otherAlert: 0,
      trace: { producer: 0, product: 0, lot: 0, certificate: 0 },
    };
    // A report of another ward, which the officer of Phường Sóc Trăng must not read, change or act on.
    const admin = await t.login('admin');
    ids.otherReport = (await admin.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: ids.otherCommune, period: '2026M10' } })).json().id;
    // A report about another commune, which the officer of Phường Sóc Trăng must not see or handle.
    const sent = await t.app.inject({ method: 'POST', url: '/api/public/feedback', payload: { category: 'WASTE', description: 'Rác thải ở chợ Phú Lợi chưa được thu gom', placeUnitId: ids.otherCommune, consent: true, anonymous: true } });
    const code = sent.json().trackingCode as string;
    // An alert of another commune, which the officer must neither see nor handle.
    ids.otherAlert = (await admin.request({ method: 'POST', url: '/api/alerts', payload: { type: 'HOTLINE_115', title: { vi: 'Tai nạn ở Phú Lợi' }, unitId: ids.otherCommune } })).json().id;
    ids.trace = await otherProducer(admin, ids.otherCommune);
    ids.otherCase = (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t?.close());
}

/** A producer of another commune, with a product, a lot and a certificate, which the officer must not touch. */
async function otherProducer(admin: Session, unitId: number) {
  const post = async (url: string, payload: Record<string, unknown>) => (await admin.request({ method: 'POST', url, payload })).json().id as number;
  const producer = await post('/api/traceability/producers', { kind: 'household', name: 'Hộ Lâm Văn Tỏi', address: 'Ấp Hòa Thành', unitId });
  const product = await post(`/api/traceability/producers/${producer}/products`, { gtin: '8930000000019', nameVi: 'Tỏi Lý Sơn', category: 'vegetable' });
  const lot = await post(`/api/traceability/products/${product}/lots`, { lot: 'T-01', productionDate: '2026-10-01' });
  const certificate = await post(`/api/traceability/producers/${producer}/certificates`, { scheme: 'vietgap', number: 'VG-01', issuer: 'Chi cục', validFrom: '2026-01-01', validTo: '2028-01-01' });
  return { producer, product, lot, certificate };
}

export const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
