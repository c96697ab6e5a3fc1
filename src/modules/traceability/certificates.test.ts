import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form } from '../../../test/photos.js';
import { traceWorld, type TraceWorld } from '../../../test/traceability-setup.js';
import { completeKey } from './gs1/keys.js';

let w: TraceWorld;
beforeAll(async () => {
  w = await traceWorld();
  for (const [p, gtin] of [[w.rice, '893123450011'], [w.shallot, '893123450012']] as const) {
    const made = await p.session.request({ method: 'POST', url: `/api/traceability/producers/${p.id}/products`, payload: { gtin: completeKey(gtin), nameVi: 'Sản phẩm', category: 'other' } });
    expect(made.statusCode, made.body).toBe(201);
  }
});
afterAll(() => w?.t.close());

describe('certificates', () => {
  it('records a certificate as JSON or with its evidence, of the producer\'s own products only', async () => {
    const url = `/api/traceability/producers/${w.rice.id}/certificates`;
    const [riceProduct] = (await w.rice.session.request({ method: 'GET', url: '/api/traceability/products' })).json().items;
    const [shallotProduct] = (await w.shallot.session.request({ method: 'GET', url: '/api/traceability/products' })).json().items;
    const cert = { scheme: 'vietgap', number: 'VietGAP-TT-12-34', issuer: 'Trung tâm Chứng nhận', validFrom: '2026-01-01', validTo: '2028-12-31' };
    const json = await w.rice.session.request({ method: 'POST', url, payload: { ...cert, productId: riceProduct.id } });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json()).toMatchObject({ productId: riceProduct.id, evidenceName: null });
    const other = await w.rice.session.request({ method: 'POST', url, payload: { ...cert, productId: shallotProduct.id } });
    expect(other.json().error).toMatchObject({ code: 'reference_not_found', field: 'productId' });
    const backwards = await w.rice.session.request({ method: 'POST', url, payload: { ...cert, validTo: '2025-01-01' } });
    expect(backwards.json().error.field).toBe('validTo');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const withFile = await w.rice.session.request({ method: 'POST', url, payload: form({ certificate: JSON.stringify({ ...cert, scheme: 'organic' }) }, [{ field: 'evidence', name: 'Giấy chứng nhận.pdf', type: 'application/pdf', data: pdf }]) });
    expect(withFile.statusCode, withFile.body).toBe(201);
    expect(withFile.json().evidenceName).toBe('Giấy chứng nhận.pdf');
    const disguised = await w.rice.session.request({ method: 'POST', url, payload: form({ certificate: JSON.stringify(cert) }, [{ field: 'evidence', name: 'x.pdf', type: 'application/pdf', data: Buffer.from('MZ not a pdf') }]) });
    expect(disguised.json().error).toMatchObject({ code: 'evidence_type', field: 'evidence' });
    const noJson = await w.rice.session.request({ method: 'POST', url, payload: form({ certificate: '{' }, []) });
    expect(noJson.json().error).toMatchObject({ code: 'certificate_json_required', field: 'certificate' });
    const file = await w.officer.request({ method: 'GET', url: `/api/traceability/certificates/${withFile.json().id}/evidence` });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await w.rice.session.request({ method: 'GET', url: `/api/traceability/certificates/${json.json().id}/evidence` })).statusCode).toBe(404);
    expect((await w.shallot.session.request({ method: 'GET', url: `/api/traceability/certificates/${withFile.json().id}/evidence` })).statusCode).toBe(403);
    expect((await w.shallot.session.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await w.rice.session.request({ method: 'GET', url })).json().items).toHaveLength(2);
  });
});
