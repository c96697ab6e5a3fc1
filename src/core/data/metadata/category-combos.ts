import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, alreadyExists } from '../../../server/errors.js';
import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { categoryOptionCodes, findCategoryId, findComboId, optionComboExists } from './repo.js';
import type { CategoryComboInput } from './schema.js';

type Combination = { code: string[]; vi: string[]; en: string[]; options: Record<string, string> };

/** Every combination of one option per category, in the categories' order (sex × age group gives 2 × 6 = 12). */
function combinationsOf(input: CategoryComboInput): Combination[] {
  let combinations: Combination[] = [{ code: [], vi: [], en: [], options: {} }];
  for (const c of input.categories) {
    combinations = combinations.flatMap((p) => c.options.map((o) => ({
      code: [...p.code, `${c.code}_${o.code}`], vi: [...p.vi, o.nameVi], en: [...p.en, o.nameEn], options: { ...p.options, [c.code]: o.code },
    })));
  }
  return combinations;
}

/**
 * Creates a disaggregation: its categories and options, and one option combination per element of their
 * cartesian product, coded CATEGORY_OPTION joined by "_".
 */
export async function createCategoryCombo(options: { db: Db; actor: Actor; input: CategoryComboInput; request?: FastifyRequest }) {
  const { db, actor, input, request } = options;
  return inTransaction(db, async (trx) => {
    if (await findComboId(trx, input.code)) throw alreadyExists(input.code, 'code');
    for (const [i, c] of input.categories.entries()) {
      const codes = c.options.map((o) => o.code);
      if (new Set(codes).size !== codes.length) throw new AppError('option_repeated', { category: c.code }, `categories.${i}.options`);
      // A category is shared by the combinations that use it (sex in sex × age and in sex alone), when its options agree.
      const existing = await findCategoryId(trx, c.code);
      if (existing) {
        const have = (await categoryOptionCodes(trx, existing)).sort();
        if (have.join() !== [...codes].sort().join()) throw new AppError('category_options_differ', { code: c.code, options: have.join(', ') }, `categories.${i}.options`);
      }
    }
    const combo = await trx.insertInto('category_combo').values({
      code: input.code, name_vi: input.nameVi, name_en: input.nameEn, categories: JSON.stringify(input.categories.map((c) => c.code)),
    }).returning('id').executeTakeFirstOrThrow();
    for (const c of input.categories) {
      if (await findCategoryId(trx, c.code)) continue;
      const category = await trx.insertInto('category').values({ code: c.code, name_vi: c.nameVi, name_en: c.nameEn }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('category_option').values(c.options.map((o, sort) => ({ category_id: category.id, code: o.code, name_vi: o.nameVi, name_en: o.nameEn, sort }))).execute();
    }
    const combinations = combinationsOf(input);
    for (const k of combinations) {
      const code = k.code.join('_');
      if (await optionComboExists(trx, code)) throw alreadyExists(code, 'code');
      await trx.insertInto('category_option_combo').values({ combo_id: combo.id, code, name_vi: k.vi.join(', '), name_en: k.en.join(', '), options: JSON.stringify(k.options) }).execute();
    }
    const after = { ...input, combinations: combinations.map((k) => k.code.join('_')) };
    await recordAudit(trx, actor, { action: 'category_combo.create', entity: 'category_combo', entityId: input.code, after }, request);
    return after;
  });
}

/** Creates a disaggregation unless one of that code exists (a regime's form brings the ones it needs). */
export async function ensureCategoryCombo(options: { db: Db; actor: Actor; input: CategoryComboInput; request?: FastifyRequest }): Promise<void> {
  if (!(await findComboId(options.db, options.input.code))) await createCategoryCombo(options);
}
