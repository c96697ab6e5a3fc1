import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FEED_COLUMNS } from './feed-export.js';

// The marketplace feed over the demo producers: one row per product of a verified producer, as JSON and as CSV.

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(() => t?.close());

describe('the product feed', () => {
  it('answers JSON rows with the product, its OCOP rating, its producer and its links', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/traceability/feed.json' });
    expect(res.statusCode, res.body).toBe(200);
    const feed = res.json();
    expect(feed.count).toBe(6);
    expect(feed.items.map((r: { gtin: string }) => r.gtin)).not.toContain('08936097000017'); // the pending producer's
    const shallot = feed.items.find((r: { gtin: string }) => r.gtin === '08936095000019');
    expect(shallot).toMatchObject({
      nameVi: 'Hành tím Vĩnh Châu (mẫu)', category: 'vegetable', categoryVi: 'Rau, củ, gia vị (hành tím…)', ocopStars: 3, ocopGroup: 'food', ocopGroupVi: 'Thực phẩm',
      ocopYear: 2023, producerName: 'Hộ Thạch Thị Sa Rết (mẫu)', producerTaxCode: '2200712343', communeCode: '31783', communeName: 'Phường Vĩnh Châu', imageUrl: null,
    });
    expect(shallot.productPageUrl).toMatch(/\/01\/08936095000019$/);
    expect(shallot.latestLotUri).toMatch(/\/01\/08936095000019\/10\/HT-2026-01$/);
    expect(Date.parse(shallot.updatedAt)).not.toBeNaN();
    expect(Object.keys(shallot)).toEqual([...FEED_COLUMNS]);
    const sausage = feed.items.find((r: { gtin: string }) => r.gtin === '08936096000025');
    expect(sausage).toMatchObject({ ocopStars: null, ocopGroup: null, latestLotUri: null });
  });

  it('answers the same rows as CSV, UTF-8 with a byte-order mark, that parses back with the Vietnamese intact', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/traceability/feed.csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="san-pham-truy-xuat-\d{4}-\d{2}-\d{2}\.csv"/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body).toContain('\r\n');
    const rows = parse(res.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]!)).toEqual([...FEED_COLUMNS]);
    const pia = rows.find((r) => r.gtin === '08936096000018')!;
    expect(pia).toMatchObject({
      nameVi: 'Bánh pía đậu xanh sầu riêng trứng muối (mẫu)', ocopStars: '5', ocopGroupVi: 'Thực phẩm', communeName: 'Xã Phú Tâm',
      producerAddress: 'Ấp Phú Hữu, xã Phú Tâm, TP Cần Thơ (Sóc Trăng cũ)', whereToBuy: 'Cửa hàng tại xưởng; sàn thương mại điện tử (mẫu)',
    });
    const json = (await t.app.inject({ method: 'GET', url: '/api/public/traceability/feed.json' })).json();
    const same = json.items.find((r: { gtin: string }) => r.gtin === '08936096000018');
    expect(pia.latestLotUri).toBe(same.latestLotUri);
    expect(rows.find((r) => r.gtin === '08936096000025')!.ocopStars).toBe('');
  });
});
