import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { ValueType } from '../../../db/schema.js';
import { AppError } from '../../../server/errors.js';
import { codesByIds } from '../../org-units/index.js';
import { parseValue, valueProblem } from './checker.js';

const VALUE_BATCH = 5_000;
const MISFITS_NAMED = 50;

/**
 * Reads every stored value of an element again as the new value type (keyset batches, bounded memory) and rewrites
 * those whose stored form changes ('12.50' as a number is '12.5'). Refuses the change, naming the first values,
 * when a value that is not deleted does not fit the new type; a deleted one that does not fit stays as it was.
 */
export async function retypeElementValues(trx: Db, elementId: number, valueType: ValueType): Promise<void> {
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
        if (misfitCount++ < MISFITS_NAMED) {
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
    const codes = await codesByIds(trx, [...new Set(misfits.map((m) => m.unitId))]);
    const named = misfits.map(({ unitId, ...m }) => ({ orgUnit: codes.get(unitId) ?? String(unitId), ...m }));
    const first = named[0]!;
    throw new AppError('values_misfit', { count: misfitCount, first: `${first.orgUnit} ${first.period}: ${first.value}` }, 'valueType', { details: named });
  }
}

/** Moves every year of an element to a new data version, so no answer cached under its old rules is used again. */
export async function renewElementVersions(trx: Db, elementId: number): Promise<void> {
  await sql`UPDATE data_value_year_version SET version = nextval('data_version_seq') WHERE element_id = ${elementId}`.execute(trx);
}
