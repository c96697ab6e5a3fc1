import type { Db } from '../../db/database.js';
import type { FormDefinition } from './forms.js';
import { latestFormRow, regimeRowByCode } from './repo.js';

/**
 * A regime is the data set DHIS2 clients name (`dataSet=BC_CDS`): the elements of its current form. Null for a code
 * that is no regime, so that the exchange can say so.
 */
export async function regimeDataSetElements(db: Db, code: string): Promise<string[] | null> {
  const regime = await regimeRowByCode(db, code);
  if (!regime) return null;
  const form = (await latestFormRow(db, regime.id)).definition as FormDefinition;
  return [...new Set(form.sections.flatMap((s) => (s.kind === 'data' ? s.items.map((item) => item.element) : [])))];
}
