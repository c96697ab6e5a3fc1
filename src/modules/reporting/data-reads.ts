import type { Db } from '../../db/database.js';
import type { FormDefinition } from './forms.js';

// Reads of the data store's catalogue (data_element, category_option_combo) that src/core/data/index.ts does not
// offer yet (that module is being split); they move there when it does.

/** The elements and disaggregations a form names, with their names. */
export async function elementsOfForm(db: Db, form: FormDefinition) {
  const codes = form.sections.flatMap((s) => (s.kind === 'data' ? s.items.map((i) => i.element) : []));
  const elements = codes.length ? await db.selectFrom('data_element').select(['code', 'name_vi as nameVi', 'name_en as nameEn', 'unit_of_measure as unit', 'value_type as valueType']).where('code', 'in', codes).execute() : [];
  const cocCodes = form.sections.flatMap((s) => (s.kind === 'data' ? s.items.flatMap((i) => (i.coc ? [i.coc] : [])) : []));
  const cocs = cocCodes.length ? await db.selectFrom('category_option_combo').select(['code', 'name_vi as nameVi', 'name_en as nameEn']).where('code', 'in', cocCodes).execute() : [];
  return { elements, cocs };
}

/** Each element's rule over units. */
export async function aggregationRules(db: Db, codes: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('data_element').select(['code', 'agg_units']).where('code', 'in', codes).execute();
  return new Map(rows.map((e) => [e.code, e.agg_units]));
}

/** An element of a form as the regime's checks need it: its period types and disaggregation. */
export function formElement(db: Db, code: string) {
  return db.selectFrom('data_element as e').innerJoin('category_combo as c', 'c.id', 'e.category_combo_id')
    .select(['e.id', 'e.period_types', 'e.category_combo_id', 'c.code as combo']).where('e.code', '=', code).executeTakeFirst();
}

export async function isDisaggregationOf(db: Db, coc: string, comboId: number): Promise<boolean> {
  return !!(await db.selectFrom('category_option_combo').select('id').where('code', '=', coc).where('combo_id', '=', comboId).executeTakeFirst());
}
