import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { SYSTEM } from '../../core/access/index.js';
import { loadWorkingCalendar, vnDate } from '../../core/calendar/index.js';
import { writeValues, type ValueInput } from '../../core/data/index.js';
import { dueDate, type DeadlineRule, type ReportingPeriod } from './periods.js';
import type { Regime } from './repo.js';
import { reportsOfPeriod } from './report-repo.js';
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

/** The completeness elements, their disaggregation by regime (an option per regime) and indicators, when missing. */
export async function ensureCompletenessFigures(db: Db, regimeCodes: { code: string; name_vi: string; name_en: string }[]): Promise<void> {
  const f = file();
  await inTransaction(db, async (trx) => {
    let category = await trx.selectFrom('category').select('id').where('code', '=', f.category.code).executeTakeFirst();
    category ??= await trx.insertInto('category').values({ code: f.category.code, name_vi: f.category.nameVi, name_en: f.category.nameEn }).returning('id').executeTakeFirstOrThrow();
    let combo = await trx.selectFrom('category_combo').select('id').where('code', '=', f.category.code).executeTakeFirst();
    combo ??= await trx.insertInto('category_combo').values({ code: f.category.code, name_vi: f.category.nameVi, name_en: f.category.nameEn, categories: JSON.stringify([f.category.code]) }).returning('id').executeTakeFirstOrThrow();
    for (const [sort, r] of regimeCodes.entries()) {
      if (await trx.selectFrom('category_option_combo').select('id').where('code', '=', regimeCoc(r.code)).executeTakeFirst()) continue;
      await trx.insertInto('category_option').values({ category_id: category.id, code: r.code, name_vi: r.name_vi, name_en: r.name_en, sort: 1000 + sort }).execute();
      await trx.insertInto('category_option_combo').values({ combo_id: combo.id, code: regimeCoc(r.code), name_vi: r.name_vi, name_en: r.name_en, options: JSON.stringify({ [f.category.code]: r.code }) }).execute();
    }
    for (const e of f.elements) {
      if (await trx.selectFrom('data_element').select('id').where('code', '=', e.code).executeTakeFirst()) continue;
      await trx.insertInto('data_element').values({
        code: e.code, name_vi: e.nameVi, name_en: e.nameEn, value_type: 'integer', agg_units: 'sum', agg_time: 'sum', unit_of_measure: 'báo cáo',
        category_combo_id: combo.id, period_types: JSON.stringify(['month', 'quarter', 'sixmonth', 'year']), source: 'data/reference/reporting/completeness-figures.json',
      }).execute();
    }
    for (const [sort, i] of f.indicators.entries()) {
      if (await trx.selectFrom('indicator').select('id').where('code', '=', i.code).executeTakeFirst()) continue;
      await trx.insertInto('indicator').values({
        code: i.code, name_vi: i.nameVi, name_en: i.nameEn, numerator: i.numerator, denominator: i.denominator, factor: i.factor, pillar: i.pillar,
        direction: i.direction, decimals: i.decimals, unit_label: i.unitLabel, framework: 'REPORTING', sort, source: 'data/reference/reporting/completeness-figures.json',
      }).execute();
    }
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
