import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerWorld, EARLY_LOT, GTIN, hit, LOT, type ConsumerWorld } from '../../../test/trace-consumer-setup.js';

// The consumer page's data: product, origin, journey, warnings, the recall banner and the integrity seal.

let w: ConsumerWorld;
beforeAll(async () => {
  w = await consumerWorld();
}, 60_000);
afterAll(() => w?.t.close());

const items = (uri: string) => w.t.app.inject({ method: 'GET', url: `/api/public/traceability/items?uri=${encodeURIComponent(uri)}` });

describe('the consumer page', () => {
  it('gives what the page shows as JSON: product, producer, origin, lot, certificates, journey, seal', async () => {
    const res = await items(`https://truyxuat.example.vn/01/${GTIN}/10/${LOT}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.canonical).toBe(`https://id.gs1.org/01/${GTIN}/10/${LOT}`);
    expect(page.product).toMatchObject({ nameVi: 'Gạo ST25 Phước An', nameEn: 'Phước An ST25 rice', category: { code: 'rice', nameVi: 'Lúa gạo' }, ocop: { stars: 4, group: { code: 'food' }, year: 2025 } });
    expect(page.producer).toMatchObject({ name: 'HTX Nông nghiệp Phước An', address: 'Ấp Phước An, phường Sóc Trăng', kind: 'cooperative' });
    expect(page.producer.commune).toBeTruthy();
    expect(page.origin.places[0]).toMatchObject({ name: 'Cánh đồng lớn Phước An', code: 'LUA-A', lat: 9.6031, lon: 105.9739 });
    expect(page.lot).toMatchObject({ number: LOT, productionDate: '2026-11-22', expiryDate: '2027-11-22', quantity: 6.5, uom: 'TNE', recall: null });
    expect(page.certificates.map((c: { number: string; expired: boolean }) => [c.number, c.expired])).toEqual(expect.arrayContaining([['VG-2026-0001', false], ['HC-2021-9', true]]));
    expect(page.journey.map((s: { step: { code: string } }) => s.step.code)).toEqual(['sowing', 'fertilising', 'spraying', 'harvesting', 'packing', 'shipping']);
    expect(page.journey[0]).toMatchObject({ date: '2026-08-01', farm: true, step: { nameVi: 'Gieo trồng', nameEn: 'Sowing or planting' }, place: { code: 'LUA-A' } });
    expect(page.journey[0].inputs).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'variety', value: 'ST25' })]));
    expect(page.journey[2].inputs).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'pesticide', value: 'Chess 50WG' }), expect.objectContaining({ field: 'preHarvestIntervalDays', value: '14 ngày', valueEn: '14 days' }),
    ]));
    expect(page.journey[4]).toMatchObject({ farm: false, step: { code: 'packing', nameVi: 'Đóng gói', nameEn: 'Packing' } });
    expect(page.warnings).toEqual([]);
    expect(page.intact).toBe(true);
    // No officer's or account's name in a public answer.
    for (const name of ['admin', 'thamdinh', 'canbo', 'htx.phuocan', 'verifiedBy', 'createdBy']) expect(res.body).not.toContain(name);
  });

  it('warns of a harvest inside a spraying\'s pre-harvest interval', async () => {
    const page = (await items(`/01/${GTIN}/10/${EARLY_LOT}`)).json();
    expect(page.warnings).toHaveLength(1);
    expect(page.warnings[0].kind).toBe('pre_harvest_interval');
    expect(page.warnings[0].message.vi).toContain('Regent 800WG');
    expect(page.warnings[0].message.vi).toContain('14 ngày');
    const html = await hit(w, `/01/${GTIN}/10/${EARLY_LOT}`);
    expect(html.body).toContain('data-testid="warnings"');
  });

  it('shows a recalled lot as recalled, first on the page', async () => {
    const recall = await w.rice.session.request({ method: 'POST', url: `/api/traceability/lots/${w.earlyLotId}/recall`, payload: { reason: 'Dư lượng thuốc BVTV vượt mức' } });
    expect(recall.statusCode, recall.body).toBe(200);
    const page = (await items(`/01/${GTIN}/10/${EARLY_LOT}`)).json();
    expect(page.lot.recall.reason).toBe('Dư lượng thuốc BVTV vượt mức');
    expect(page.warnings[0]).toMatchObject({ kind: 'recall' });
    const html = (await hit(w, `/01/${GTIN}/10/${EARLY_LOT}`)).body;
    expect(html).toContain('role="alert" data-testid="recall">⚠ SẢN PHẨM ĐÃ BỊ THU HỒI');
    expect(html.indexOf('data-testid="recall"')).toBeLessThan(html.indexOf('data-testid="product"'));
  });

  it('says the record is intact, then not once an event is edited in the database', async () => {
    expect((await items(`/01/${GTIN}/10/${LOT}`)).json().intact).toBe(true);
    await sql`UPDATE trace_event SET document = jsonb_set(document, '{tinhso:variety}', '"OM5451"') WHERE document->>'tinhso:variety' = 'ST25'`.execute(w.t.database.db);
    const page = (await items(`/01/${GTIN}/10/${LOT}`)).json();
    expect(page.intact).toBe(false);
    expect(page.journey[0].inputs).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'variety', value: 'OM5451' })]));
    const html = (await hit(w, `/01/${GTIN}/10/${LOT}`)).body;
    expect(html).toContain('data-intact="false"');
    expect(html).toContain('Nhật ký KHÔNG nguyên vẹn');
    // The other lot's links still hold.
    expect((await items(`/01/${GTIN}/10/${EARLY_LOT}`)).json().intact).toBe(true);
  });
});
