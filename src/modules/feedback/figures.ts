import { casesForFigures, categoriesOf } from '../../core/cases/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { SYSTEM } from '../../core/access/index.js';
import { loadWorkingCalendar, vnDate } from '../../core/calendar/index.js';
import { writeValues, type ValueInput } from '../../core/data/index.js';
import { KIND } from './policy.js';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference/feedback/figures.json');
const ZFile = z.object({
  category: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  elements: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), aggTime: z.enum(['sum', 'last']) })),
  indicators: z.array(z.object({
    code: z.string(), nameVi: z.string(), nameEn: z.string(), numerator: z.string(), denominator: z.string(), factor: z.number(),
    pillar: z.enum(['government', 'economy', 'society', 'foundations']), direction: z.enum(['higher', 'lower']), decimals: z.number(), unitLabel: z.string(),
  })),
});
const monthOf = (date: string) => `${date.slice(0, 4)}M${date.slice(5, 7)}`;
const monthEnd = (code: string) => new Date(Date.UTC(Number(code.slice(0, 4)), Number(code.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * Creates the feedback figures' elements (disaggregated by feedback category) and indicators when missing. The
 * disaggregation follows the categories in force, so a category added later gets its own option next time.
 */
export async function ensureFeedbackFigures(db: Db): Promise<void> {
  const file = ZFile.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
  const haveElements = new Set((await db.selectFrom('data_element').select('code').where('code', 'in', file.elements.map((e) => e.code)).execute()).map((r) => r.code));
  const haveIndicators = new Set((await db.selectFrom('indicator').select('code').where('code', 'in', file.indicators.map((i) => i.code)).execute()).map((r) => r.code));
  if (haveElements.size === file.elements.length && haveIndicators.size === file.indicators.length) return;
  // Figures added to the file after a database was first set up are created then, beside the existing ones.
  await inTransaction(db, async (trx) => {
    let combo = await trx.selectFrom('category_combo').select('id').where('code', '=', file.category.code).executeTakeFirst();
    if (!combo) {
      const cats = await categoriesOf(trx, KIND);
      const category = await trx.insertInto('category').values({ code: file.category.code, name_vi: file.category.nameVi, name_en: file.category.nameEn }).returning('id').executeTakeFirstOrThrow();
      combo = await trx.insertInto('category_combo').values({ code: file.category.code, name_vi: file.category.nameVi, name_en: file.category.nameEn, categories: JSON.stringify([file.category.code]) }).returning('id').executeTakeFirstOrThrow();
      for (const [sort, c] of cats.entries()) {
        await trx.insertInto('category_option').values({ category_id: category.id, code: c.code, name_vi: c.name_vi, name_en: c.name_en, sort }).execute();
        await trx.insertInto('category_option_combo').values({ combo_id: combo.id, code: `${file.category.code}_${c.code}`, name_vi: c.name_vi, name_en: c.name_en, options: JSON.stringify({ [file.category.code]: c.code }) }).execute();
      }
    }
    for (const e of file.elements.filter((x) => !haveElements.has(x.code))) {
      await trx.insertInto('data_element').values({
        code: e.code, name_vi: e.nameVi, name_en: e.nameEn, value_type: 'integer', agg_units: 'sum', agg_time: e.aggTime, unit_of_measure: e.code === 'FB_RATING_SUM' ? 'điểm' : 'phản ánh',
        category_combo_id: combo.id, period_types: JSON.stringify(['month']), source: 'data/reference/feedback/figures.json',
      }).execute();
    }
    for (const [sort, i] of file.indicators.entries()) {
      if (haveIndicators.has(i.code)) continue;
      await trx.insertInto('indicator').values({
        code: i.code, name_vi: i.nameVi, name_en: i.nameEn, numerator: i.numerator, denominator: i.denominator, factor: i.factor, pillar: i.pillar,
        direction: i.direction, decimals: i.decimals, unit_label: i.unitLabel, framework: 'FEEDBACK', sort, source: 'data/reference/feedback/figures.json',
      }).execute();
    }
  });
}

/**
 * Counts the feedback of the last `months` months per handling unit, category and month, and writes the figures
 * as data values (source 'job'): received, answered, answered on time, working days taken, overdue at month end.
 * A figure that has fallen back to nothing is written as 0, so the store always agrees with the cases.
 */
export async function publishFeedbackFigures(db: Db, now: Date, months = 13): Promise<number> {
  await ensureFeedbackFigures(db);
  const calendar = await loadWorkingCalendar(db);
  const today = vnDate(now);
  const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - months, 1)).toISOString().slice(0, 10);
  const cases = await casesForFigures(db, KIND);
  const figures = new Map<string, number>();
  const add = (element: string, unit: number, category: string, month: string, n = 1) => {
    const key = `${element}|${unit}|${category}|${month}`;
    figures.set(key, (figures.get(key) ?? 0) + n);
  };
  const monthsInWindow: string[] = [];
  for (let d = first; d <= today; d = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 1)).toISOString().slice(0, 10)) monthsInWindow.push(monthOf(d));
  for (const c of cases) {
    const unit = c.unit_id!;
    const received = vnDate(c.received_at);
    if (received >= first) add('FB_RECEIVED', unit, c.category_code, monthOf(received));
    const answered = c.answered_at ? vnDate(c.answered_at) : null;
    if (answered && answered >= first) {
      const month = monthOf(answered);
      add('FB_RESOLVED', unit, c.category_code, month);
      if (answered <= c.due_date) add('FB_RESOLVED_ON_TIME', unit, c.category_code, month);
      add('FB_HANDLING_DAYS', unit, c.category_code, month, calendar.workingDaysBetween(received, answered));
    }
    for (const rating of (c.data as { ratings?: { at: string; rating: number; solved: boolean }[] }).ratings ?? []) {
      const day = vnDate(new Date(rating.at));
      if (day < first) continue;
      add('FB_RATED', unit, c.category_code, monthOf(day));
      add('FB_RATING_SUM', unit, c.category_code, monthOf(day), rating.rating);
      if (rating.solved) add('FB_SATISFIED', unit, c.category_code, monthOf(day));
    }
    for (const month of monthsInWindow) {
      const end = monthEnd(month) < today ? monthEnd(month) : today;
      if (received <= end && c.due_date < end && (!answered || answered > end) && !['returned', 'merged'].includes(c.state)) add('FB_OVERDUE_END', unit, c.category_code, month);
    }
  }
  // Figures published before that are now absent become 0.
  const stale = await db.selectFrom('data_value as v').innerJoin('data_element as e', 'e.id', 'v.element_id').innerJoin('category_option_combo as o', 'o.id', 'v.coc_id')
    .select(['e.code', 'v.org_unit_id', 'o.code as coc', 'v.period']).where('e.code', 'like', 'FB\\_%').where('v.deleted', '=', false).where('v.start_date', '>=', first).execute();
  for (const s of stale) {
    const key = `${s.code}|${s.org_unit_id}|${s.coc.replace(/^FEEDBACK_CATEGORY_/, '')}|${s.period}`;
    if (!figures.has(key)) figures.set(key, 0);
  }
  const values: ValueInput[] = [...figures].map(([key, value]) => {
    const [element, unit, category, period] = key.split('|') as [string, string, string, string];
    return { element, orgUnitId: Number(unit), period, coc: `FEEDBACK_CATEGORY_${category}`, value };
  });
  if (!values.length) return 0;
  const summary = await writeValues(db, SYSTEM, values, { kind: 'job', ref: 'feedback.publish_figures' });
  if (summary.problems.length) throw new Error(`feedback figures: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  return summary.imported + summary.updated;
}
