import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerWorld, EARLY_LOT, GTIN, hit, LOT, SHALLOT_GTIN, type ConsumerWorld } from '../../../test/trace-consumer-setup.js';

// The GS1 Digital Link resolver at the web root: each path form, the linkset, a link type's redirect, and what it
// refuses (an unknown code 404, a malformed one 400, an unverified producer's product as unknown).

let w: ConsumerWorld;
beforeAll(async () => {
  w = await consumerWorld();
}, 60_000);
afterAll(() => w?.t.close());

describe('the Digital Link resolver', () => {
  it('answers the consumer page for a product, a lot, an item, a lot and item, and with a CPV', async () => {
    const [serial] = w.serials;
    for (const url of [`/01/${GTIN}`, `/01/${GTIN}/10/${LOT}`, `/01/${GTIN}/21/${serial}`, `/01/${GTIN}/10/${LOT}/21/${serial}`, `/01/${GTIN}/22/A1/10/${LOT}`]) {
      const res = await hit(w, url);
      expect(res.statusCode, `${url} ${res.body.slice(0, 300)}`).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toMatch(/^<!doctype html><html lang="vi">/);
      expect(res.body).toContain('<meta name="viewport"');
      expect(res.body).toContain('Gạo ST25 Phước An');
      // Values are escaped.
      expect(res.body).toContain('Gạo thơm &amp; dẻo &lt;ngon&gt;');
      expect(res.body).not.toContain('<ngon>');
    }
    const lot = await hit(w, `/01/${GTIN}/10/${LOT}`);
    expect(lot.body).toContain('data-testid="journey"');
    expect(lot.body).toMatch(/Gieo trồng[\s\S]*Bón phân[\s\S]*Phun thuốc[\s\S]*Thu hoạch[\s\S]*Đóng gói[\s\S]*Xuất hàng/);
    expect(lot.body).toContain('NPK 20-20-15');
    expect(lot.body).toContain('Chess 50WG');
    expect(lot.body).toContain('data-intact="true"');
    expect(lot.body).toContain('<svg class="map"');
    expect(lot.body).toContain('OCOP 4 sao');
    expect(lot.body).toMatch(/HC-2021-9[^<]*<span class="tag">ĐÃ HẾT HẠN/);
    // A GTIN-8/12/13 is read as its GTIN-14 too.
    expect((await hit(w, `/01/${GTIN.slice(1)}/10/${LOT}`)).statusCode).toBe(200);
  });

  it('speaks English with ?lang=en', async () => {
    const res = await hit(w, `/01/${GTIN}/10/${LOT}?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="en">/);
    expect(res.body).toContain('Phước An ST25 rice');
    expect(res.body).toMatch(/Sowing or planting[\s\S]*Harvesting[\s\S]*Shipping/);
    expect(res.body).toContain('Record intact');
    expect(res.body).toContain('150 kg');
  });

  it('answers an RFC 9264 linkset with GS1 link types, by Accept or ?linkType=linkset', async () => {
    const res = await hit(w, `/01/${GTIN}/10/${LOT}`, { accept: 'application/linkset+json' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/linkset\+json/);
    const body = res.json();
    expect(body.linkset).toHaveLength(1);
    const set = body.linkset[0];
    expect(set.anchor).toMatch(new RegExp(`/01/${GTIN}/10/${LOT}$`));
    expect(set['https://gs1.org/voc/pip'][0]).toMatchObject({ href: set.anchor, type: 'text/html', hreflang: ['vi'] });
    expect(set['https://gs1.org/voc/traceability'][0].href).toContain('/api/public/traceability/items?uri=');
    expect(set['https://gs1.org/voc/epcis'][0].href).toContain(`MATCH_epcClass=${encodeURIComponent(`https://id.gs1.org/01/${GTIN}/10/${LOT}`)}`);
    expect(set['https://gs1.org/voc/certificationInfo'][0].href).toMatch(/#certificates$/);
    expect(set['https://gs1.org/voc/defaultLink'][0].href).toBe(set.anchor);
    const again = await hit(w, `/01/${GTIN}/10/${LOT}?linkType=linkset`);
    expect(again.json()).toEqual(body);
  });

  it('redirects (307) to the link a link type asks for, and answers 404 when the product has none', async () => {
    const res = await hit(w, `/01/${GTIN}/10/${LOT}?linkType=gs1:traceability`);
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toContain('/api/public/traceability/items?uri=');
    const data = await w.t.app.inject({ method: 'GET', url: String(res.headers.location).replace(/^https?:\/\/[^/]+/, '') });
    expect(data.statusCode, data.body).toBe(200);
    expect(data.json().lot.number).toBe(LOT);
    const en = await hit(w, `/01/${GTIN}?linkType=${encodeURIComponent('https://gs1.org/voc/pip')}&lang=en`);
    expect(en.statusCode).toBe(307);
    expect(en.headers.location).toMatch(new RegExp(`/01/${GTIN}\\?lang=en$`));
    // A product without a lot has no EPCIS events to point at.
    const none = await hit(w, `/01/${GTIN}?linkType=gs1:epcis`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toMatchObject({ code: 'link_type_missing', field: 'linkType' });
    expect(none.json().error.messages.vi).toContain('gs1:epcis');
  });

  it('answers 404 not_registered for a code nobody registered, naming it, Vietnamese first', async () => {
    for (const url of ['/01/08930000000026', `/01/${GTIN}/10/NOPE`, `/01/${GTIN}/21/999999`, `/01/${GTIN}/10/${EARLY_LOT}/21/${w.serials[0]}`]) {
      const res = await hit(w, url);
      expect(res.statusCode, url).toBe(404);
      const error = res.json().error;
      expect(error.code).toBe('not_registered');
      expect(error.message).toMatch(/^Mã \(01\)\d{14}.* chưa được đăng ký/);
      expect(error.messages.en).toMatch(/is not registered/);
    }
  });

  it('answers 400 digital_link_invalid for a wrong check digit or a malformed code', async () => {
    for (const url of [`/01/${GTIN.slice(0, 13)}9`, `/01/${GTIN}/21/1/10/${LOT}`, `/01/${GTIN}/10`, `/01/${GTIN}/99/1`, `/01/12345`, `/01/${GTIN}/10/${LOT}?17=991399`]) {
      const res = await hit(w, url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('digital_link_invalid');
    }
    const json = await w.t.app.inject({ method: 'GET', url: `/api/public/traceability/items?uri=${encodeURIComponent(`https://example.vn/01/${GTIN.slice(0, 13)}1`)}` });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toMatchObject({ code: 'digital_link_invalid', field: 'uri' });
  });

  it('keeps an unverified producer\'s products out of the public, and a suspended one\'s', async () => {
    const pending = await hit(w, `/01/${SHALLOT_GTIN}`);
    expect(pending.statusCode).toBe(404);
    expect(pending.json().error.code).toBe('not_registered');
    const suspend = await w.reviewer.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/verification`, payload: { status: 'suspended' } });
    expect(suspend.statusCode, suspend.body).toBe(200);
    expect((await hit(w, `/01/${GTIN}/10/${LOT}`)).statusCode).toBe(404);
    expect((await w.t.app.inject({ method: 'GET', url: `/api/public/traceability/products/${GTIN}/image` })).statusCode).toBe(404);
    const back = await w.reviewer.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/verification`, payload: { status: 'verified' } });
    expect(back.statusCode).toBe(200);
    expect((await hit(w, `/01/${GTIN}/10/${LOT}`)).statusCode).toBe(200);
  });

  it('serves the page\'s script from the platform, as its CSP asks', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/public/traceability/page.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.body).toContain('/api/public/feedback');
  });
});
