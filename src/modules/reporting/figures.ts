import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { SYSTEM, type Actor } from '../../core/access/index.js';
import { loadWorkingCalendar, vnDate } from '../../core/calendar/index.js';
import { unitCacheFor } from '../../core/org-units/index.js';
import { ensureCategoryCombo, ensureDataElements, ensureIndicators, writeValues, type ValueInput } from '../../core/data/index.js';
import { dueDate, type DeadlineRule, type ReportingPeriod } from './periods.js';
import type { Regime } from './repo.js';
import { regimeCounts, reportsOfPeriod } from './report-repo.js';
import { expectedUnits } from './units.js';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference/reporting/completeness-figures.json');
const ZFile = z.object({
  category: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  elements: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  indicators: z.array(z.object({
    code: z.string(), nameVi: z.string(), nameEn: z.string(), numerator: z.string(), denominator: z.string(), factor: z.number(),
    pillar: z.enum(['government', 'economy', 'society', 'foundations']), direction: z.enum(['higher', 'lower']), decimals: z.number(), unitLabel: z.string(),
  })),
});
const file = () => ZFile.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
export const regimeCoc = (code: string) => `REPORT_REGIME_${code}`;

const SOURCE = 'data/reference/reporting/completeness-figures.json';

/**
 * The completeness elements, their disaggregation by regime (an option per regime, added when the regime is first
 * saved) and indicators, when missing, through the store.
 */
export async function ensureCompletenessFigures(db: Db, actor: Actor, regimes: { code: string; name_vi: string; name_en: string }[]): Promise<void> {
  const f = file();
  const options = regimes.map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en }));
  await inTransaction(db, async (trx) => {
    await ensureCategoryCombo({ db: trx, actor, input: { ...f.category, categories: [{ ...f.category, options }] } });
    await ensureDataElements({
      db: trx, actor, elements: f.elements.map((e) => ({
        ...e, valueType: 'integer', aggUnits: 'sum', aggTime: 'sum', unit: 'báo cáo', categoryCombo: f.category.code,
        periodTypes: ['month', 'quarter', 'sixmonth', 'year'], source: SOURCE, computed: true,
      })),
    });
    await ensureIndicators({ db: trx, actor, indicators: f.indicators.map((i, sort) => ({ ...i, framework: 'REPORTING', sort, source: SOURCE })) });
  });
}

/**
 * Writes a regime's completeness for a period as data values: for each expected unit (or the ones given), expected 1,
 * submitted 0/1, on time 0/1, from its report's first submission.
 */
export async function publishCompleteness(db: Db, regime: Regime, period: ReportingPeriod, onlyUnits?: number[]): Promise<number> {
  const calendar = await loadWorkingCalendar(db);
  const due = dueDate(period, regime.deadline_rule as unknown as DeadlineRule, calendar);
  const units = (await expectedUnits(db, regime, period)).filter((u) => !onlyUnits || onlyUnits.includes(u.id));
  if (!units.length) return 0;
  const reports = await reportsOfPeriod(db, regime.id, period.code);
  const submittedOn = new Map(reports.filter((r) => r.first_submitted_at).map((r) => [r.org_unit_id, vnDate(r.first_submitted_at!)]));
  const coc = regimeCoc(regime.code);
  const values: ValueInput[] = units.flatMap((u) => {
    const on = submittedOn.get(u.id);
    return [
      { element: 'REPORT_EXPECTED', orgUnitId: u.id, period: period.code, coc, value: 1 },
      { element: 'REPORT_SUBMITTED', orgUnitId: u.id, period: period.code, coc, value: on ? 1 : 0 },
      { element: 'REPORT_ON_TIME', orgUnitId: u.id, period: period.code, coc, value: on && on <= due ? 1 : 0 },
    ];
  });
  const summary = await writeValues(db, SYSTEM, values, { kind: 'report', ref: `completeness:${regime.code}:${period.code}` });
  if (summary.problems.length) throw new Error(`completeness figures: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  return summary.imported + summary.updated;
}

/**
 * The Resolution 07 figures of the reporting system, written for the current year the moment a report is submitted
 * or a regime is saved: regimes in force, and those connected to the provincial reporting system (a state, see
 * regimeCounts).
 */
export async function publishConnectedRegimes(db: Db, now: Date) {
  const year = vnDate(now).slice(0, 4);
  const root = (await unitCacheFor(db).inForce(vnDate(now))).find((u) => u.level === 'province');
  if (!root) return;
  const { total, connected } = await regimeCounts(db);
  await writeValues(db, { kind: 'system', name: 'reporting' }, [
    { element: 'REPORT_REGIMES_TOTAL', orgUnitId: root.id, period: year, value: total },
    { element: 'REPORT_REGIMES_CONNECTED', orgUnitId: root.id, period: year, value: connected },
  ], { kind: 'report', ref: 'reporting.completeness' });
}
