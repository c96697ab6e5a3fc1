import fs from 'node:fs';
import { z } from 'zod';
import { SYSTEM } from '../../core/access/index.js';
import { VN_UTC_OFFSET_MS } from '../../core/calendar/index.js';
import { ensureDataElements, publishedValues, writeValues, type ValueInput } from '../../core/data/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { referenceFile } from '../../server/paths.js';
import { eventsBetween, ocopListedBy, producersBy, producerUnits, scansBetween, tracedBy, type UnitCounts } from './figures-repo.js';

// The traceability figures in the data-value store (data/reference/traceability/figures.json): per commune and
// month (Việt Nam time), for the digital-economy pillar and the IOC. A rerun rewrites the same values.

const SOURCE = 'data/reference/traceability/figures.json';
const ZFigures = z.object({
  description: z.string(), version: z.number().int(),
  elements: z.array(z.object({ code: z.string().regex(/^TRACE_/), nameVi: z.string(), nameEn: z.string(), kind: z.enum(['stock', 'flow']), unit: z.string(), description: z.string() })),
});
let figures: z.infer<typeof ZFigures> | undefined;
export const traceFigures = () => (figures ??= ZFigures.parse(JSON.parse(fs.readFileSync(referenceFile('traceability', 'figures.json'), 'utf8'))));

/** The traceability elements, created through the store when missing. */
export async function ensureTraceabilityFigures(db: Db): Promise<void> {
  await inTransaction(db, (trx) => ensureDataElements({
    db: trx, actor: SYSTEM, elements: traceFigures().elements.map((e) => ({
      code: e.code, nameVi: e.nameVi, nameEn: e.nameEn, description: e.description, valueType: 'integer' as const, aggUnits: 'sum' as const,
      aggTime: e.kind === 'stock' ? 'last' as const : 'sum' as const, unit: e.unit, periodTypes: ['month' as const], source: SOURCE, computed: true,
    })),
  }));
}

/** A month (YYYY-MM) as the store's period code and its bounds as instants: Việt Nam midnights. */
export function monthBounds(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { period: `${y}M${String(m).padStart(2, '0')}`, start: new Date(Date.UTC(y, m - 1, 1) - VN_UTC_OFFSET_MS), end: new Date(Date.UTC(y, m, 1) - VN_UTC_OFFSET_MS) };
}

/** The months from `from` to `to` (YYYY-MM, inclusive). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let [y, m] = from.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= to && out.length < 240; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** The month (YYYY-MM) of an instant in Việt Nam and the one before it: what the hourly job publishes. */
export function recentMonths(now: Date): string[] {
  const vn = new Date(now.getTime() + VN_UTC_OFFSET_MS);
  const previous = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - 1, 1));
  return [previous.toISOString().slice(0, 7), vn.toISOString().slice(0, 7)];
}

/** Publishes the figures of the months given; answers the values written or changed. */
export async function publishTraceabilityFigures(db: Db, months: string[]): Promise<number> {
  await ensureTraceabilityFigures(db);
  const units = await producerUnits(db);
  const values = new Map<string, ValueInput>();
  const periods = new Set<string>();
  for (const month of months) {
    const { period, start, end } = monthBounds(month);
    periods.add(period);
    const [onboarded, verified, products, lots, events, scans, ocop] = await Promise.all([
      producersBy(db, end, false), producersBy(db, end, true), tracedBy(db, end, 'products'), tracedBy(db, end, 'lots'),
      eventsBetween(db, start, end), scansBetween(db, start, end), ocopListedBy(db, end),
    ]);
    const byElement: [string, UnitCounts][] = [
      ['TRACE_PRODUCERS_ONBOARDED', onboarded], ['TRACE_PRODUCERS_VERIFIED', verified], ['TRACE_PRODUCTS_TRACED', products], ['TRACE_LOTS_TRACED', lots],
      ['TRACE_EVENTS', events], ['TRACE_SCANS', scans], ['TRACE_OCOP_PRODUCTS', ocop],
    ];
    for (const [element, count] of byElement) {
      for (const unit of new Set([...units, ...count.keys()])) values.set(`${element}|${unit}|${period}`, { element, orgUnitId: unit, period, value: count.get(unit) ?? 0 });
    }
  }
  if (!months.length) return 0;
  // A figure published before for a unit that no longer has producers (one moved) falls back to 0.
  for (const s of await publishedValues(db, { elementPrefix: 'TRACE_', from: monthBounds(months[0]!).period.replace('M', '-') + '-01' })) {
    const key = `${s.code}|${s.org_unit_id}|${s.period}`;
    if (periods.has(s.period) && !values.has(key)) values.set(key, { element: s.code, orgUnitId: Number(s.org_unit_id), period: s.period, value: 0 });
  }
  if (!values.size) return 0;
  const summary = await writeValues(db, SYSTEM, [...values.values()], { kind: 'job', ref: 'traceability.publish' });
  if (summary.problems.length) throw new Error(`traceability figures: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  return summary.imported + summary.updated;
}
