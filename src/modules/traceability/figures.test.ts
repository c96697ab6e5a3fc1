import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epcisDocument, lotClass, season } from '../../../test/epcis-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { monthBounds, monthsBetween, publishTraceabilityFigures, recentMonths } from './figures.js';

// The traceability figures for a month, per commune, read back through the data-value API.

let t: TestApp;
let admin: Session;
const RICE = '08936094000010';
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

describe('month bounds', () => {
  it('takes Việt Nam months, and lists the months between two', () => {
    expect(monthBounds('2026-11')).toEqual({ period: '2026M11', start: new Date('2026-10-31T17:00:00Z'), end: new Date('2026-11-30T17:00:00Z') });
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(recentMonths(new Date('2026-12-31T18:00:00Z'))).toEqual(['2026-12', '2027-01']);
  });
});

describe('the traceability figures', () => {
  it('publishes producers, products, lots, events, scans and OCOP listings per commune for a month, and a rerun changes nothing', async () => {
    const htx = await t.login('htx');
    const captured = await htx.request({ method: 'POST', url: '/api/traceability/epcis/capture', payload: epcisDocument(season(lotClass(RICE, 'ST25-HT-01'), 'urn:tinhso:place:demo.CDL-01')), headers: { 'content-type': 'application/ld+json' } });
    expect(captured.json().success, captured.body).toBe(true);
    const product = (await htx.request({ method: 'GET', url: '/api/traceability/products' })).json().items.find((p: { gtin: string }) => p.gtin === RICE);
    const db = t.database.db;
    await db.insertInto('trace_scan').values([0, 1, 2].map(() => ({ at: new Date(), product_id: product.id }))).execute();
    const [month] = recentMonths(new Date()).slice(-1) as [string];
    expect(await publishTraceabilityFigures(db, [month])).toBeGreaterThan(0);
    const { period, start, end } = monthBounds(month);
    const figure = async (element: string, unit: string) => {
      const res = await admin.request({ method: 'GET', url: `/api/dataValueSets?dataElement=${element}&orgUnit=${unit}&startDate=${start.toISOString().slice(0, 10)}&endDate=${end.toISOString().slice(0, 10)}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().dataValues as { period: string; value: string }[]).find((v) => v.period === period.replace('M', ''))?.value; // DHIS2 writes a month 202612
    };
    // Ngã Năm: the rice cooperative, verified, two OCOP products, one lot traced by six events and three scans.
    expect(await figure('TRACE_PRODUCERS_ONBOARDED', '31732')).toBe('1');
    expect(await figure('TRACE_PRODUCERS_VERIFIED', '31732')).toBe('1');
    expect(await figure('TRACE_OCOP_PRODUCTS', '31732')).toBe('2');
    expect(await figure('TRACE_PRODUCTS_TRACED', '31732')).toBe('1');
    expect(await figure('TRACE_LOTS_TRACED', '31732')).toBe('1');
    expect(await figure('TRACE_EVENTS', '31732')).toBe('6');
    expect(await figure('TRACE_SCANS', '31732')).toBe('3');
    // Ngọc Tố: the shrimp farm, onboarded and still pending.
    expect(await figure('TRACE_PRODUCERS_ONBOARDED', '31723')).toBe('1');
    expect(await figure('TRACE_PRODUCERS_VERIFIED', '31723')).toBe('0');
    expect(await figure('TRACE_EVENTS', '31723')).toBe('0');
    expect(await publishTraceabilityFigures(db, [month])).toBe(0);
    // The month before the producers were registered counts none of them.
    const before = monthBounds('2025-08');
    await publishTraceabilityFigures(db, ['2025-08']);
    const res = await admin.request({ method: 'GET', url: `/api/dataValueSets?dataElement=TRACE_PRODUCERS_ONBOARDED&orgUnit=31732&startDate=2025-08-01&endDate=2025-08-31` });
    expect((res.json().dataValues as { period: string; value: string }[]).find((v) => v.period === before.period.replace('M', ''))?.value).toBe('0');
  });

  it('names its elements in both languages, monthly, computed, from a versioned reference file', async () => {
    const elements = (await admin.request({ method: 'GET', url: '/api/data-elements' })).json() as { code: string; nameVi: string; nameEn: string; periodTypes: string[]; aggTime: string; unit: string }[];
    const ours = elements.filter((e) => e.code.startsWith('TRACE_'));
    expect(ours).toHaveLength(7);
    expect(ours.find((e) => e.code === 'TRACE_EVENTS')).toMatchObject({ nameVi: 'Số sự kiện truy xuất được ghi nhận', nameEn: 'Traceability events recorded', periodTypes: ['month'], aggTime: 'sum' });
    expect(ours.find((e) => e.code === 'TRACE_LOTS_TRACED')).toMatchObject({ aggTime: 'last', unit: 'lô' });
  });
});
