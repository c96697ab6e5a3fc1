import type { Db } from '../../db/database.js';
import { elementEntry, elementsByCodes, optionComboOwner, optionCombosByCodes } from '../../core/data/index.js';
import type { FormDefinition } from './forms.js';

// What reporting reads of the data store's catalogue, asked through its index, in the shapes reports and checks use.

/** The elements and disaggregations a form names, with their names. */
export async function elementsOfForm(db: Db, form: FormDefinition) {
  const codes = form.sections.flatMap((s) => (s.kind === 'data' ? s.items.map((i) => i.element) : []));
  const elements = (await elementsByCodes(db, codes)).map(({ aggUnits: _, ...e }) => e);
  const cocCodes = form.sections.flatMap((s) => (s.kind === 'data' ? s.items.flatMap((i) => (i.coc ? [i.coc] : [])) : []));
  return { elements, cocs: await optionCombosByCodes(db, cocCodes) };
}

/** Each element's rule over units. */
export async function aggregationRules(db: Db, codes: string[]): Promise<Map<string, string>> {
  return new Map((await elementsByCodes(db, codes)).map((e) => [e.code, e.aggUnits]));
}

/** An element of a form as the regime's checks need it: its period types and disaggregation. */
export const formElement = (db: Db, code: string) => elementEntry(db, code);

export async function isDisaggregationOf(db: Db, coc: string, comboId: number): Promise<boolean> {
  return (await optionComboOwner(db, coc)) === comboId;
}
