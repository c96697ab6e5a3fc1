import type { Db } from '../../../db/database.js';
import type { DataElementView } from './schema.js';
import { unitInEnglish } from './units-of-measure.js';

// The SQL of the catalogue's tables: data_element, category_combo, category, category_option, category_option_combo.

export async function listElementViews(db: Db): Promise<DataElementView[]> {
  const elements = await db.selectFrom('data_element as e')
    .innerJoin('category_combo as c', 'c.id', 'e.category_combo_id')
    .select(['e.code', 'e.name_vi as nameVi', 'e.name_en as nameEn', 'e.value_type as valueType', 'e.agg_units as aggUnits', 'e.agg_time as aggTime',
      'e.unit_of_measure as unit', 'e.period_types as periodTypes', 'c.code as categoryCombo', 'c.id as comboId', 'e.reported_by as reportedBy', 'e.computed'])
    .orderBy('e.code').execute();
  const cocs = await db.selectFrom('category_option_combo').select(['combo_id', 'code', 'name_vi as nameVi', 'name_en as nameEn']).orderBy('id').execute();
  return elements.map(({ comboId, ...e }) => ({
    ...e,
    unitEn: unitInEnglish(e.unit),
    periodTypes: e.periodTypes as DataElementView['periodTypes'],
    disaggregations: cocs.filter((c) => c.combo_id === comboId).map(({ combo_id: _, ...c }) => c),
  }));
}

export const findElement = (db: Db, code: string) => db.selectFrom('data_element').selectAll().where('code', '=', code).executeTakeFirst();

/** The element locked for update: a writer checks its values' element in the same transaction as it writes them. */
export const lockElement = (db: Db, code: string) => db.selectFrom('data_element').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();

export const findComboId = async (db: Db, code: string) =>
  (await db.selectFrom('category_combo').select('id').where('code', '=', code).executeTakeFirst())?.id;

export const findCategoryId = async (db: Db, code: string) =>
  (await db.selectFrom('category').select('id').where('code', '=', code).executeTakeFirst())?.id;

export async function categoryOptionCodes(db: Db, categoryId: number): Promise<string[]> {
  return (await db.selectFrom('category_option').select('code').where('category_id', '=', categoryId).execute()).map((o) => o.code);
}

export const optionComboExists = async (db: Db, code: string) =>
  Boolean(await db.selectFrom('category_option_combo').select('id').where('code', '=', code).executeTakeFirst());

/** Every disaggregation with its categories, their options, and its option combinations. */
export async function listComboViews(db: Db) {
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

/** The disaggregation an element is entered by, or undefined when there is no such element. */
export const elementComboId = async (db: Db, code: string) =>
  (await db.selectFrom('data_element').select('category_combo_id').where('code', '=', code).executeTakeFirst())?.category_combo_id;

/** The disaggregation an option combination belongs to, or undefined when there is none of that code. */
export const optionComboOwner = async (db: Db, code: string) =>
  (await db.selectFrom('category_option_combo').select('combo_id').where('code', '=', code).executeTakeFirst())?.combo_id;

/** The codes among these that name an element. */
export async function existingElementCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  return new Set((await db.selectFrom('data_element').select('code').where('code', 'in', codes).execute()).map((r) => r.code));
}

/** Elements by code, as a form or a consolidation names them. */
export async function elementsByCodes(db: Db, codes: string[]) {
  if (!codes.length) return [];
  const rows = await db.selectFrom('data_element')
    .select(['code', 'name_vi as nameVi', 'name_en as nameEn', 'unit_of_measure as unit', 'value_type as valueType', 'agg_units as aggUnits'])
    .where('code', 'in', codes).execute();
  return rows.map((e) => ({ ...e, unitEn: unitInEnglish(e.unit) }));
}

/** Option combinations by code, with their names. */
export async function optionCombosByCodes(db: Db, codes: string[]) {
  if (!codes.length) return [];
  return db.selectFrom('category_option_combo').select(['code', 'name_vi as nameVi', 'name_en as nameEn']).where('code', 'in', codes).execute();
}

/** An element with the period types it accepts and its disaggregation, by id and by code. */
export const elementEntry = (db: Db, code: string) =>
  db.selectFrom('data_element as e').innerJoin('category_combo as c', 'c.id', 'e.category_combo_id')
    .select(['e.id', 'e.period_types', 'e.category_combo_id', 'c.code as combo']).where('e.code', '=', code).executeTakeFirst();

/** A category's options as stored, in their order. */
export const storedOptions = (db: Db, categoryId: number) =>
  db.selectFrom('category_option').select(['code', 'name_vi as nameVi', 'name_en as nameEn', 'sort']).where('category_id', '=', categoryId).orderBy('sort').orderBy('id').execute();

export const listCombos = (db: Db) => db.selectFrom('category_combo').select(['id', 'code', 'categories']).execute();

export async function comboOptionComboCodes(db: Db, comboId: number): Promise<Set<string>> {
  return new Set((await db.selectFrom('category_option_combo').select('code').where('combo_id', '=', comboId).execute()).map((r) => r.code));
}

/** Marks elements as the platform's own figures (idempotent). */
export async function markComputed(db: Db, codes: string[]): Promise<void> {
  await db.updateTable('data_element').set({ computed: true }).where('code', 'in', codes).where('computed', '=', false).execute();
}
