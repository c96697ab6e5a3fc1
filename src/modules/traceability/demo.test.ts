import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { gtinFault } from './gs1/keys.js';

// The traceability demo (data/demo/traceability.json): its producers in every demo app, its seasons with a history.

type Producer = { id: number; name: string; status: string; gln: string | null; events: number };
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

describe('the traceability demo', () => {
  it('loads five invented producers of the province, four verified and one pending, with places inside it and valid GTINs', async () => {
    const producers = (await admin.request({ method: 'GET', url: '/api/traceability/producers' })).json().items as Producer[];
    expect(producers).toHaveLength(5);
    expect(producers.every((p) => p.name.endsWith('(mẫu)'))).toBe(true);
    expect(producers.filter((p) => p.status === 'verified')).toHaveLength(4);
    expect(producers.filter((p) => p.status === 'pending').map((p) => p.name)).toEqual(['Trang trại tôm sú Ngọc Tố (mẫu)']);
    expect(producers.every((p) => p.gln?.startsWith('893'))).toBe(true);
    expect(producers.every((p) => p.events === 0)).toBe(true); // no history: the seasons are left out
    for (const p of producers) {
      const places = (await admin.request({ method: 'GET', url: `/api/traceability/producers/${p.id}/places` })).json().items as { lat: number; lon: number }[];
      expect(places.length).toBeGreaterThan(0);
      for (const place of places) expect(place.lat > 9.2 && place.lat < 9.95 && place.lon > 105.5 && place.lon < 106.35, JSON.stringify(place)).toBe(true);
    }
    const products = (await admin.request({ method: 'GET', url: '/api/traceability/products' })).json().items as { gtin: string; ocopStars: number | null }[];
    expect(products).toHaveLength(7);
    expect(products.every((p) => p.gtin.startsWith('0893') && gtinFault(p.gtin) === null)).toBe(true);
    expect(products.filter((p) => p.ocopStars !== null).length).toBe(5);
  });

  it('gives the first producer the account htx, which signs in with the demo password and sees its own producer only', async () => {
    const htx = await t.login('htx');
    const me = (await htx.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(JSON.stringify(me)).toContain('producer');
    const own = (await htx.request({ method: 'GET', url: '/api/traceability/producers' })).json();
    expect(own.total).toBe(1);
    expect(own.items[0].name).toBe('HTX Nông nghiệp Lúa Thơm Ngã Năm (mẫu)');
    const all = (await admin.request({ method: 'GET', url: '/api/traceability/producers' })).json().items as Producer[];
    const other = all.find((p) => p.id !== own.items[0].id)!;
    expect((await htx.request({ method: 'GET', url: `/api/traceability/producers/${other.id}` })).statusCode).toBe(403);
    const products = (await htx.request({ method: 'GET', url: '/api/traceability/products' })).json().items as { gtin: string }[];
    expect(products.map((p) => p.gtin).sort()).toEqual(['08936094000010', '08936094000027']);
  });
});

describe('the traceability demo with a history', () => {
  it('captures a season per lot through the pipeline: real, intact chains, and the months\' figures', async () => {
    const started = performance.now();
    const h = await createTestApp({ config: { demoHistoryDays: 1 } });
    try {
      const took = performance.now() - started;
      const hAdmin = await h.login('admin');
      const producers = (await hAdmin.request({ method: 'GET', url: '/api/traceability/producers' })).json().items as Producer[];
      expect(producers.reduce((n, p) => n + p.events, 0)).toBe(45);
      for (const p of producers) {
        const integrity = (await hAdmin.request({ method: 'GET', url: `/api/traceability/producers/${p.id}/integrity` })).json();
        expect(integrity, p.name).toMatchObject({ intact: true, events: p.events, faults: [] });
      }
      const page = (await h.app.inject({ method: 'GET', url: '/api/public/traceability/products/08936096000018' })).json();
      expect(page.lotList.map((l: { events: number }) => l.events)).toEqual([4, 4]);
      const elements = await h.database.db.selectFrom('trace_scan').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(Number(elements.n)).toBe(32);
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      const values = (await hAdmin.request({ method: 'GET', url: `/api/dataValueSets?dataElement=TRACE_EVENTS&orgUnit=31732&startDate=2026-01-01&endDate=${today}` })).json().dataValues as { value: string }[];
      expect(values.reduce((n, v) => n + Number(v.value), 0)).toBe(producers.find((p) => p.name.startsWith('HTX Nông nghiệp'))!.events);
      console.log(`demo app with a history: ${Math.round(took)} ms`);
    } finally {
      await h.close();
    }
  });
});
