import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, alreadyExists, notFound } from '../../server/errors.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { nameText } from '../validation/text.js';
import { PERIOD_TYPES } from './periods.js';

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
      if (new Set(codes).size !== codes.length) throw new AppError('validation_failed', 400, { detail: `categories.${i}: an option code is repeated` }, `categories.${i}.options`);
      // A category is shared by the combinations that use it (sex in sex × age and in sex alone), when its options agree.
      const existing = await trx.selectFrom('category').select('id').where('code', '=', c.code).executeTakeFirst();
      if (existing) {
        const have = (await trx.selectFrom('category_option').select('code').where('category_id', '=', existing.id).execute()).map((o) => o.code).sort();
        if (have.join() !== [...codes].sort().join()) throw new AppError('validation_failed', 409, { detail: `${c.code} exists with the options ${have.join(', ')}` }, `categories.${i}.options`);
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
    if (!combo) throw new AppError('not_found', 400, {}, 'categoryCombo');
    if (input.valueType === 'text' && input.aggUnits !== 'none') {
      throw new AppError('validation_failed', 400, { detail: 'text values cannot be aggregated: use aggUnits "none"' }, 'aggUnits');
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
 * What may change in an element that holds values: its names, unit, description, source and the period types it
 * accepts from now on. Its value type and aggregation stay: cached answers and stored values were made under them.
 */
export const ZDataElementUpdate = ZDataElement.pick({ nameVi: true, nameEn: true, unit: true, periodTypes: true, description: true, source: true }).partial().strict();

export async function updateDataElement(db: Db, actor: Actor, code: string, input: z.infer<typeof ZDataElementUpdate>, request?: FastifyRequest) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('data_element').selectAll().where('code', '=', code).executeTakeFirst();
    if (!before) throw notFound('code');
    await trx.updateTable('data_element').set({
      ...(input.nameVi !== undefined && { name_vi: input.nameVi }), ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.unit !== undefined && { unit_of_measure: input.unit || null }), ...(input.description !== undefined && { description: input.description || null }),
      ...(input.source !== undefined && { source: input.source || null }),
      ...(input.periodTypes !== undefined && { period_types: JSON.stringify([...new Set(input.periodTypes)]) }), updated_at: new Date(),
    }).where('id', '=', before.id).execute();
    const after = await trx.selectFrom('data_element').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow();
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
