import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, alreadyExists } from '../../../server/errors.js';
import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { categoryOptionCodes, comboOptionComboCodes, findCategoryId, findComboId, listCombos, optionComboExists, storedOptions } from './repo.js';
import type { CategoryComboInput } from './schema.js';

type Combination = { code: string[]; vi: string[]; en: string[]; options: Record<string, string> };
type Categories = { categories: { code: string; options: { code: string; nameVi: string; nameEn: string }[] }[] };

/** Every combination of one option per category, in the categories' order (sex × age group gives 2 × 6 = 12). */
function combinationsOf(input: Categories): Combination[] {
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

type StoredCombo = Awaited<ReturnType<typeof listCombos>>[number];

/** Adds the combinations a disaggregation lacks, from its categories' options as stored; returns their codes. */
async function fillCombinations(trx: Db, combo: StoredCombo): Promise<string[]> {
  const categories: Categories['categories'] = [];
  for (const code of combo.categories as string[]) {
    const id = await findCategoryId(trx, code);
    categories.push({ code, options: id ? await storedOptions(trx, id) : [] });
  }
  const have = await comboOptionComboCodes(trx, combo.id);
  const added: string[] = [];
  for (const k of combinationsOf({ categories })) {
    const code = k.code.join('_');
    if (have.has(code)) continue;
    if (await optionComboExists(trx, code)) throw alreadyExists(code, 'code');
    await trx.insertInto('category_option_combo').values({ combo_id: combo.id, code, name_vi: k.vi.join(', '), name_en: k.en.join(', '), options: JSON.stringify(k.options) }).execute();
    added.push(code);
  }
  return added;
}

/**
 * Creates a disaggregation unless one of that code exists. One that exists gains the options its definition adds to
 * its categories (a regime saved later gets its own), and every disaggregation over a grown category gains the
 * combinations they make: stored combinations, which values are keyed by, never change.
 */
export async function ensureCategoryCombo(options: { db: Db; actor: Actor; input: CategoryComboInput; request?: FastifyRequest }): Promise<void> {
  const { db, actor, input, request } = options;
  await inTransaction(db, async (trx) => {
    const combos = await listCombos(trx);
    const combo = combos.find((k) => k.code === input.code);
    if (!combo) {
      await createCategoryCombo({ db: trx, actor, input, request });
      return;
    }
    const grown: string[] = [];
    const added: string[] = [];
    for (const c of input.categories.filter((x) => (combo.categories as string[]).includes(x.code))) {
      const id = (await findCategoryId(trx, c.code))!;
      const stored = await storedOptions(trx, id);
      const fresh = c.options.filter((o) => !stored.some((s) => s.code === o.code));
      if (!fresh.length) continue;
      const next = Math.max(-1, ...stored.map((s) => s.sort)) + 1;
      await trx.insertInto('category_option').values(fresh.map((o, i) => ({ category_id: id, code: o.code, name_vi: o.nameVi, name_en: o.nameEn, sort: next + i }))).execute();
      grown.push(c.code);
      added.push(...fresh.map((o) => `${c.code}_${o.code}`));
    }
    if (!grown.length) return;
    const combinations: string[] = [];
    for (const k of combos.filter((x) => (x.categories as string[]).some((c) => grown.includes(c)))) combinations.push(...(await fillCombinations(trx, k)));
    await recordAudit(trx, actor, { action: 'category_combo.extend', entity: 'category_combo', entityId: input.code, after: { options: added, combinations } }, request);
  });
}
