import { casesForFigures, categoriesOf } from '../../core/cases/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { SYSTEM } from '../../core/access/index.js';
import { loadWorkingCalendar, vnDate } from '../../core/calendar/index.js';
import { ensureDataElements, ensureIndicators, publishedValues, writeValues, type ValueInput } from '../../core/data/index.js';
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

const SOURCE = 'data/reference/feedback/figures.json';

/**
 * Creates the feedback figures' elements (disaggregated by feedback category) and indicators when missing, through
 * the store. The disaggregation follows the categories in force when an element is created, so a category added
 * later gets its own option when figures are added to the file.
 */
export async function ensureFeedbackFigures(db: Db): Promise<void> {
  const file = ZFile.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
  const { category } = file;
  await inTransaction(db, async (trx) => {
    const options = (await categoriesOf(trx, KIND)).map((c) => ({ code: c.code, nameVi: c.name_vi, nameEn: c.name_en }));
    const categoryCombo = { code: category.code, nameVi: category.nameVi, nameEn: category.nameEn, categories: [{ ...category, options }] };
    await ensureDataElements({
      db: trx, actor: SYSTEM, elements: file.elements.map((e) => ({
        code: e.code, nameVi: e.nameVi, nameEn: e.nameEn, valueType: 'integer', aggUnits: 'sum', aggTime: e.aggTime, unit: e.code === 'FB_RATING_SUM' ? 'điểm' : 'phản ánh',
        categoryCombo, periodTypes: ['month'], source: SOURCE, computed: true,
      })),
    });
    await ensureIndicators({ db: trx, actor: SYSTEM, indicators: file.indicators.map((i, sort) => ({ ...i, framework: 'FEEDBACK', sort, source: SOURCE })) });
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
  const stale = await publishedValues(db, { elementPrefix: 'FB_', from: first });
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
