import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerWorld, GTIN, hit, LOT, type ConsumerWorld } from '../../../test/trace-consumer-setup.js';

// The scan log: each hit recorded, the place only when shared, and the counterfeit alerts it raises.

let w: ConsumerWorld;
beforeAll(async () => {
  w = await consumerWorld();
}, 60_000);
afterAll(() => w?.t.close());

const items = (uri: string) => w.t.app.inject({ method: 'GET', url: `/api/public/traceability/items?uri=${encodeURIComponent(uri)}` });
const scans = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM trace_scan`.execute(w.t.database.db)).rows[0]!.n);
const share = (payload: Record<string, unknown>) => w.t.app.inject({ method: 'POST', url: '/api/public/traceability/scans', payload });

describe('scans', () => {
  it('records each hit (page, JSON, linkset), the place only when the consumer shares it', async () => {
    const before = await scans();
    await hit(w, `/01/${GTIN}/10/${LOT}`);
    await items(`/01/${GTIN}/10/${LOT}`);
    await hit(w, `/01/${GTIN}/10/${LOT}`, { accept: 'application/linkset+json' });
    expect(await scans()).toBe(before + 3);
    expect((await w.t.app.inject({ method: 'HEAD', url: `/01/${GTIN}/10/${LOT}` })).statusCode).toBe(200);
    expect(await scans()).toBe(before + 3);
    const last = await w.t.database.db.selectFrom('trace_scan').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ lot_id: w.lotId, serial: null, lat: null, lon: null });
    const page = (await items(`/01/${GTIN}/21/${w.serials[1]}`)).json();
    const shared = await share({ uri: page.pageUrl, scanId: page.scanId, lat: 9.6, lon: 105.97 });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json()).toEqual({ recorded: true, scanId: page.scanId });
    const row = await w.t.database.db.selectFrom('trace_scan').selectAll().where('id', '=', page.scanId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ serial: w.serials[1], lat: 9.6, lon: 105.97 });
    // Another code's scan is not given this one's place: a scan of its own is recorded.
    const other = await share({ uri: `/01/${GTIN}/10/${LOT}`, scanId: page.scanId, lat: 9.7, lon: 105.9 });
    expect(other.json().scanId).not.toBe(page.scanId);
    for (const bad of [{ uri: `/01/${GTIN}`, lat: 91, lon: 0 }, { uri: `/01/${GTIN}`, lat: 'x', lon: 0 }, { uri: `/01/${GTIN}`, lat: 1, lon: 2, extra: 1 }, { lat: 1, lon: 2 }]) {
      const res = await share(bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await share({ uri: '/01/08930000000026', lat: 1, lon: 2 })).statusCode).toBe(404);
  });

  it('raises a counterfeit alert when one serial is scanned some 280 km apart within 20 minutes', async () => {
    const serial = w.serials[2]!;
    const first = (await items(`/01/${GTIN}/21/${serial}`)).json();
    expect((await share({ uri: first.pageUrl, scanId: first.scanId, lat: 9.6031, lon: 105.9739 })).statusCode).toBe(201);
    const alerts = () => w.t.database.db.selectFrom('alert').selectAll().where('type_code', '=', 'TRACE_COUNTERFEIT').execute();
    expect(await alerts()).toHaveLength(0);
    w.t.ctx.clock.now = new Date(w.t.ctx.clock.now!.getTime() + 20 * 60_000);
    const second = (await items(`/01/${GTIN}/21/${serial}`)).json();
    // Hồ Chí Minh City, some 165 km away, is not far enough; Đà Lạt, some 280 km, is.
    expect((await share({ uri: second.pageUrl, scanId: second.scanId, lat: 10.7769, lon: 106.7009 })).statusCode).toBe(201);
    expect(await alerts()).toHaveLength(0);
    const third = (await items(`/01/${GTIN}/21/${serial}`)).json();
    expect((await share({ uri: third.pageUrl, scanId: third.scanId, lat: 11.9404, lon: 108.4583 })).statusCode).toBe(201);
    const raised = await alerts();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ source: 'traceability.scans', dedupe_key: `counterfeit:${GTIN}:21:${serial}`, unit_id: w.ward, lat: 11.9404 });
    expect(raised[0]!.title_vi).toMatch(/^Nghi mã giả: Gạo ST25 Phước An \(01\)\d{14}\(21\)\d+ quét ở hai nơi cách nhau \d+ km trong 20 phút/);
    expect((raised[0]!.evidence as { signs: { rule: string }[] }).signs[0]!.rule).toBe('impossible_travel');
  });

  it('raises one when a serial is scanned more often than an item is', async () => {
    const serial = w.serials[0]!;
    const product = w.productId;
    const at = w.t.ctx.clock.now!;
    await w.t.database.db.insertInto('trace_scan').values(Array.from({ length: 20 }, (_, i) => ({ at: new Date(at.getTime() - i * 3_600_000), product_id: product, lot_id: w.lotId, serial }))).execute();
    expect((await hit(w, `/01/${GTIN}/21/${serial}`)).statusCode).toBe(200);
    const raised = await w.t.database.db.selectFrom('alert').selectAll().where('dedupe_key', '=', `counterfeit:${GTIN}:21:${serial}`).execute();
    expect(raised).toHaveLength(1);
    expect(raised[0]!.title_vi).toContain('quét 21 lần trong 30 ngày');
    // A repeat refreshes the alert rather than making another.
    await hit(w, `/01/${GTIN}/21/${serial}`);
    expect(await w.t.database.db.selectFrom('alert').select('id').where('dedupe_key', '=', `counterfeit:${GTIN}:21:${serial}`).execute()).toHaveLength(1);
  });
});
