import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, alreadyExists, notFound } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { nameText } from '../validation/index.js';
import { PERIOD_TYPES } from './periods.js';
import { parseValue, valueProblem } from './values.js';
import type { ValueType } from '../../db/schema.js';

const ZCode = z.string().trim().regex(/^[A-Z0-9_]{1,40}$/, 'code_chars');
const ZAggregation = z.enum(['sum', 'average', 'last', 'min', 'max', 'none']);

export const ZCategoryCombo = z.object({
  code: ZCode,
  nameVi: nameText(200),
  nameEn: nameText(200),
  categories: z.array(z.object({
    code: ZCode,
    nameVi: nameText(200),
    nameEn: nameText(200),
    options: z.array(z.object({ code: ZCode, nameVi: nameText(200), nameEn: nameText(200) }).strict()).min(2).max(50),
  }).strict()).min(1).max(4),
}).strict();

export const ZDataElement = z.object({
  code: z.string().trim().regex(/^[A-Z0-9_]{2,60}$/, 'code_chars'),
  nameVi: nameText(200),
  nameEn: nameText(200),
  valueType: z.enum(['integer', 'number', 'percentage', 'boolean', 'text']),
  aggUnits: ZAggregation,
  aggTime: ZAggregation,
  unit: z.string().trim().max(30).optional(),
  periodTypes: z.array(z.enum(PERIOD_TYPES)).min(1).max(6),
  categoryCombo: ZCode.default('default'),
  description: z.string().trim().max(2000).optional(),
  source: z.string().trim().max(500).optional(),
}).strict();

/**
 * Creates a disaggregation: its categories and options, and one option combination per element of their
 * cartesian product (sex × age group gives 2 × 6 = 12), coded CATEGORY_OPTION joined by "_".
 */
export async function createCategoryCombo(db: Db, actor: Actor, input: z.infer<typeof ZCategoryCombo>, request?: FastifyRequest) {
  return inTransaction(db, async (trx) => {
    if (await trx.selectFrom('category_combo').select('id').where('code', '=', input.code).executeTakeFirst()) throw alreadyExists(input.code, 'code');
    for (const [i, c] of input.categories.entries()) {
      const codes = c.options.map((o) => o.code);
      if (new Set(codes).size !== codes.length) throw new AppError('option_repeated', { category: c.code }, `categories.${i}.options`);
      // A category is shared by the combinations that use it (sex in sex × age and in sex alone), when its options agree.
      const existing = await trx.selectFrom('category').select('id').where('code', '=', c.code).executeTakeFirst();
      if (existing) {
        const have = (await trx.selectFrom('category_option').select('code').where('category_id', '=', existing.id).execute()).map((o) => o.code).sort();
        if (have.join() !== [...codes].sort().join()) throw new AppError('category_options_differ', { code: c.code, options: have.join(', ') }, `categories.${i}.options`);
      }
    }
    const combo = await trx.insertInto('category_combo').values({
      code: input.code, name_vi: input.nameVi, name_en: input.nameEn, categories: JSON.stringify(input.categories.map((c) => c.code)),
    }).returning('id').executeTakeFirstOrThrow();
    for (const c of input.categories) {
      if (await trx.selectFrom('category').select('id').where('code', '=', c.code).executeTakeFirst()) continue;
      const category = await trx.insertInto('category').values({ code: c.code, name_vi: c.nameVi, name_en: c.nameEn }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('category_option').values(c.options.map((o, sort) => ({ category_id: category.id, code: o.code, name_vi: o.nameVi, name_en: o.nameEn, sort }))).execute();
    }
    let combinations: { code: string[]; vi: string[]; en: string[]; options: Record<string, string> }[] = [{ code: [], vi: [], en: [], options: {} }];
    for (const c of input.categories) {
      combinations = combinations.flatMap((p) => c.options.map((o) => ({
        code: [...p.code, `${c.code}_${o.code}`], vi: [...p.vi, o.nameVi], en: [...p.en, o.nameEn], options: { ...p.options, [c.code]: o.code },
      })));
    }
    for (const k of combinations) {
      const code = k.code.join('_');
      if (await trx.selectFrom('category_option_combo').select('id').where('code', '=', code).executeTakeFirst()) throw alreadyExists(code, 'code');
      await trx.insertInto('category_option_combo').values({ combo_id: combo.id, code, name_vi: k.vi.join(', '), name_en: k.en.join(', '), options: JSON.stringify(k.options) }).execute();
    }
    const after = { ...input, combinations: combinations.map((k) => k.code.join('_')) };
    await recordAudit(trx, actor, { action: 'category_combo.create', entity: 'category_combo', entityId: input.code, after }, request);
    return after;
  });
}

export async function createDataElement(db: Db, actor: Actor, input: z.infer<typeof ZDataElement>, request?: FastifyRequest) {
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('data_element').select('id').where('code', '=', input.code).executeTakeFirst()) throw alreadyExists(input.code, 'code');
    const combo = await trx.selectFrom('category_combo').select('id').where('code', '=', input.categoryCombo).executeTakeFirst();
    if (!combo) throw new AppError('reference_not_found', {}, 'categoryCombo');
    if (input.valueType === 'text' && input.aggUnits !== 'none') {
      throw new AppError('text_not_aggregable', {}, 'aggUnits');
    }
    await trx.insertInto('data_element').values({
      code: input.code, name_vi: input.nameVi, name_en: input.nameEn, value_type: input.valueType, agg_units: input.aggUnits, agg_time: input.aggTime,
      unit_of_measure: input.unit ?? null, category_combo_id: combo.id, period_types: JSON.stringify([...new Set(input.periodTypes)]),
      description: input.description ?? null, source: input.source ?? null,
    }).execute();
    await recordAudit(trx, actor, { action: 'data_element.create', entity: 'data_element', entityId: input.code, after: input }, request);
    return input;
  });
}


/**
 * What may change in an element: its names, unit, description, source, the period types it accepts from now on,
 * its aggregation and its value type. Not its disaggregation: stored values are keyed by its combinations.
 */
export const ZDataElementUpdate = ZDataElement.pick({
  nameVi: true, nameEn: true, unit: true, periodTypes: true, description: true, source: true, valueType: true, aggUnits: true, aggTime: true,
}).partial().strict();

const VALUE_BATCH = 5_000;

/**
 * Reads every stored value of an element again as the new value type (keyset batches, bounded memory) and rewrites
 * those whose stored form changes ('12.50' as a number is '12.5'). Refuses the change, naming the first values,
 * when a value that is not deleted does not fit the new type; a deleted one that does not fit stays as it was.
 */
async function retypeValues(trx: Db, elementId: number, valueType: ValueType): Promise<void> {
  type Row = { id: number; org_unit_id: number; start_date: string; end_date: string; coc_id: number; period: string; value: string; numeric_value: number | null; deleted: boolean };
  const misfits: { unitId: number; period: string; value: string; vi: string; en: string }[] = [];
  let misfitCount = 0;
  // Keyset over the element's own part of the unique key, so each batch is a range of one index, not a sort of what is left.
  let last: Pick<Row, 'org_unit_id' | 'start_date' | 'end_date' | 'coc_id'> = { org_unit_id: 0, start_date: '0001-01-01', end_date: '0001-01-01', coc_id: 0 };
  for (;;) {
    const rows = (await sql<Row>`
      SELECT id, org_unit_id, start_date, end_date, coc_id, period, value, numeric_value, deleted FROM data_value
      WHERE element_id = ${elementId} AND (org_unit_id, start_date, end_date, coc_id) > (${last.org_unit_id}, ${last.start_date}::date, ${last.end_date}::date, ${last.coc_id})
      ORDER BY org_unit_id, start_date, end_date, coc_id LIMIT ${VALUE_BATCH}`.execute(trx)).rows;
    if (!rows.length) break;
    last = rows.at(-1)!;
    const changed: { id: number; v: string; n: number | null }[] = [];
    for (const r of rows) {
      const parsed = parseValue(valueType, r.value);
      if ('fault' in parsed) {
        if (r.deleted) continue;
        if (misfitCount++ < 50) {
          const p = valueProblem('value', parsed.fault, r.value);
          misfits.push({ unitId: r.org_unit_id, period: r.period, value: r.value, vi: p.vi, en: p.en });
        }
      } else if (parsed.text !== r.value || parsed.number !== r.numeric_value) changed.push({ id: r.id, v: parsed.text, n: parsed.number });
    }
    if (!misfitCount && changed.length) {
      await sql`UPDATE data_value d SET value = u.v, numeric_value = u.n FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) AS u(id bigint, v text, n double precision)
        WHERE d.id = u.id`.execute(trx);
    }
  }
  if (misfitCount) {
    // Unit codes only for the values named, not for every value read.
    const codes = new Map((await trx.selectFrom('org_unit').select(['id', 'code']).where('id', 'in', [...new Set(misfits.map((m) => m.unitId))]).execute()).map((u) => [u.id, u.code]));
    const named = misfits.map(({ unitId, ...m }) => ({ orgUnit: codes.get(unitId) ?? String(unitId), ...m }));
    const first = named[0]!;
    throw new AppError('values_misfit', { count: misfitCount, first: `${first.orgUnit} ${first.period}: ${first.value}` }, 'valueType', { details: named });
  }
}

export async function updateDataElement(db: Db, actor: Actor, code: string, input: z.infer<typeof ZDataElementUpdate>, request?: FastifyRequest) {
  return db.transaction().execute(async (trx) => {
    // Locked: a writer checks its values' element in the same transaction as it writes them (migration 0017).
    const before = await trx.selectFrom('data_element').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) throw notFound('code');
    const valueType = input.valueType ?? before.value_type;
    if (valueType === 'text' && (input.aggUnits ?? before.agg_units) !== 'none') {
      throw new AppError('text_not_aggregable', {}, 'aggUnits');
    }
    if (valueType !== before.value_type) await retypeValues(trx, before.id, valueType);
    await trx.updateTable('data_element').set({
      ...(input.nameVi !== undefined && { name_vi: input.nameVi }), ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.unit !== undefined && { unit_of_measure: input.unit || null }), ...(input.description !== undefined && { description: input.description || null }),
      ...(input.source !== undefined && { source: input.source || null }),
      ...(input.periodTypes !== undefined && { period_types: JSON.stringify([...new Set(input.periodTypes)]) }),
      ...(input.valueType !== undefined && { value_type: input.valueType }),
      ...(input.aggUnits !== undefined && { agg_units: input.aggUnits }), ...(input.aggTime !== undefined && { agg_time: input.aggTime }), updated_at: new Date(),
    }).where('id', '=', before.id).execute();
    const after = await trx.selectFrom('data_element').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow();
    if (after.value_type !== before.value_type || after.agg_units !== before.agg_units || after.agg_time !== before.agg_time) {
      // Every answer cached for the element was computed under the old rules: its years move to new versions.
      await sql`UPDATE data_value_year_version SET version = nextval('data_version_seq') WHERE element_id = ${before.id}`.execute(trx);
    }
    await recordAudit(trx, actor, { action: 'data_element.update', entity: 'data_element', entityId: code, before, after }, request);
    return { code, ...input };
  });
}

/** Every disaggregation with its categories, their options, and its option combinations. */
export async function listCategoryCombos(db: Db) {
  const [combos, categories, options, cocs] = await Promise.all([
    db.selectFrom('category_combo').select(['id', 'code', 'name_vi as nameVi', 'name_en as nameEn', 'categories']).orderBy('code').execute(),
    db.selectFrom('category').select(['id', 'code', 'name_vi as nameVi', 'name_en as nameEn']).execute(),
    db.selectFrom('category_option').select(['category_id', 'code', 'name_vi as nameVi', 'name_en as nameEn']).orderBy('category_id').orderBy('sort').execute(),
    db.selectFrom('category_option_combo').select(['combo_id', 'code', 'name_vi as nameVi', 'name_en as nameEn']).orderBy('id').execute(),
  ]);
  return combos.map((c) => ({
    code: c.code, nameVi: c.nameVi, nameEn: c.nameEn,
    categories: (c.categories as string[]).map((code) => {
      const category = categories.find((x) => x.code === code);
      return { code, nameVi: category?.nameVi ?? code, nameEn: category?.nameEn ?? code, options: options.filter((o) => o.category_id === category?.id).map(({ category_id: _, ...o }) => o) };
    }),
    combinations: cocs.filter((k) => k.combo_id === c.id).map(({ combo_id: _, ...k }) => k),
  }));
}
