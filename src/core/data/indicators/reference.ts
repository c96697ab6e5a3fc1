import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { SYSTEM } from '../../access/index.js';
import { findByCode } from '../../org-units/index.js';
import { parseFormula } from './formula.js';
import { PERIOD_TYPES } from '../periods/index.js';
import { writeValues } from '../values/index.js';
import { referenceFile } from '../../../server/paths.js';

const FILE = referenceFile('indicators', 'resolution-07.json');
const ZAgg = z.enum(['sum', 'average', 'last', 'min', 'max', 'none']);
const ZFile = z.object({
  unit: z.object({ code: z.string(), asOf: z.iso.date() }),
  categories: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), options: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })) })),
  elements: z.array(z.object({
    code: z.string(), nameVi: z.string(), nameEn: z.string(), valueType: z.enum(['integer', 'number', 'percentage', 'boolean', 'text']),
    aggUnits: ZAgg, aggTime: ZAgg, unit: z.string(), periodTypes: z.array(z.enum(PERIOD_TYPES)), categoryCombo: z.string().optional(),
    reportedBy: z.array(z.enum(['province', 'district', 'commune', 'department'])).min(1).optional(),
  })),
  values: z.array(z.object({ element: z.string(), period: z.string(), coc: z.string().optional(), value: z.number(), source: z.string(), note: z.string().optional() })),
  indicators: z.array(z.object({
    code: z.string(), framework: z.string(), pillar: z.enum(['government', 'economy', 'society', 'foundations']), sort: z.number(),
    nameVi: z.string(), nameEn: z.string(), numerator: z.string(), denominator: z.string().optional(), factor: z.number().optional(),
    direction: z.enum(['higher', 'lower']), decimals: z.number().int(), unitLabel: z.string(), source: z.string(),
    targets: z.array(z.object({ year: z.number().int(), value: z.number(), source: z.string() })),
  })),
});

/**
 * Loads the Resolution 07 and DTI indicators, their data elements and the published figures from
 * data/reference/indicators, when no data element exists yet. Values go through the same checks and history as
 * any other write, with source 'seed' and the article they come from.
 */
export async function loadIndicatorReference(db: Db): Promise<boolean> {
  const existing = await db.selectFrom('data_element').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const file = ZFile.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
  for (const i of file.indicators) {
    parseFormula(i.numerator);
    if (i.denominator) parseFormula(i.denominator);
  }
  await db.transaction().execute(async (trx) => {
    const unit = await findByCode(trx, file.unit.code, file.unit.asOf);
    if (!unit) throw new Error(`reference indicators: no unit ${file.unit.code} on ${file.unit.asOf}`);
    const combos = new Map<string, number>();
    const defaultCombo = await trx.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
    for (const c of file.categories) {
      const category = await trx.insertInto('category').values({ code: c.code, name_vi: c.nameVi, name_en: c.nameEn }).returning('id').executeTakeFirstOrThrow();
      const combo = await trx.insertInto('category_combo').values({ code: c.code, name_vi: c.nameVi, name_en: c.nameEn, categories: JSON.stringify([c.code]) }).returning('id').executeTakeFirstOrThrow();
      combos.set(c.code, combo.id);
      for (const [sort, o] of c.options.entries()) {
        await trx.insertInto('category_option').values({ category_id: category.id, code: o.code, name_vi: o.nameVi, name_en: o.nameEn, sort }).execute();
        await trx.insertInto('category_option_combo').values({
          combo_id: combo.id, code: `${c.code}_${o.code}`, name_vi: o.nameVi, name_en: o.nameEn, options: JSON.stringify({ [c.code]: o.code }),
        }).execute();
      }
    }
    for (const e of file.elements) {
      await trx.insertInto('data_element').values({
        code: e.code, name_vi: e.nameVi, name_en: e.nameEn, value_type: e.valueType, agg_units: e.aggUnits, agg_time: e.aggTime,
        unit_of_measure: e.unit, category_combo_id: e.categoryCombo ? combos.get(e.categoryCombo)! : defaultCombo.id,
        period_types: JSON.stringify(e.periodTypes), source: 'data/reference/indicators/resolution-07.json',
        reported_by: e.reportedBy ? JSON.stringify(e.reportedBy) : null,
      }).execute();
    }
    for (const source of [...new Set(file.values.map((v) => v.source))]) {
      const rows = file.values.filter((v) => v.source === source);
      const summary = await writeValues(trx, SYSTEM, rows.map((v) => ({
        element: v.element, orgUnitId: unit.id, period: v.period, coc: v.coc, value: v.value, comment: v.note ?? null,
      })), { kind: 'seed', ref: source });
      if (summary.problems.length) throw new Error(`reference values from ${source}: ${JSON.stringify(summary.problems)}`);
    }
    for (const i of file.indicators) {
      const row = await trx.insertInto('indicator').values({
        code: i.code, name_vi: i.nameVi, name_en: i.nameEn, numerator: i.numerator, denominator: i.denominator ?? '1', factor: i.factor ?? 1,
        pillar: i.pillar, direction: i.direction, decimals: i.decimals, unit_label: i.unitLabel, framework: i.framework, sort: i.sort,
        source: i.source,
      }).returning('id').executeTakeFirstOrThrow();
      for (const t of i.targets) {
        await trx.insertInto('indicator_target').values({ indicator_id: row.id, org_unit_id: unit.id, year: t.year, kind: 'target', value: t.value, source: t.source }).execute();
      }
    }
  });
  return true;
}
