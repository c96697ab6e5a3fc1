import type { Db } from '../../../db/database.js';

// Reads of data_value and data_value_history for people (the writers, which plan in bulk, are in value-store.ts).

/** Values flagged for follow-up, newest first, within the units given (every unit when null). */
export function listFollowUps(db: Db, scope: Set<number> | null, limit: number) {
  let q = db.selectFrom('data_value as v')
    .innerJoin('data_element as e', 'e.id', 'v.element_id')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .innerJoin('category_option_combo as c', 'c.id', 'v.coc_id')
    .select(['v.id', 'e.code as element', 'e.name_vi as elementNameVi', 'e.name_en as elementNameEn', 'o.id as orgUnitId', 'o.code as orgUnitCode', 'o.name as orgUnitName',
      'v.period', 'c.code as coc', 'v.value', 'v.comment', 'v.stored_by as storedBy', 'v.updated_at as lastUpdated'])
    .where('v.followup', '=', true)
    .where('v.deleted', '=', false);
  if (scope) q = q.where('v.org_unit_id', 'in', [...scope]);
  return q.orderBy('v.updated_at', 'desc').limit(limit).execute();
}

/** The stored values of one element for one unit, by period and disaggregation. */
export function listUnitValues(db: Db, query: { element: string; orgUnitId: number; period?: string }) {
  let q = db.selectFrom('data_value as v')
    .innerJoin('data_element as e', 'e.id', 'v.element_id')
    .innerJoin('category_option_combo as c', 'c.id', 'v.coc_id')
    .select(['v.id', 'e.code as element', 'v.org_unit_id as orgUnitId', 'v.period', 'c.code as coc', 'v.value', 'v.comment', 'v.followup', 'v.stored_by as storedBy',
      'v.source_kind as sourceKind', 'v.source_ref as sourceRef', 'v.updated_at as lastUpdated'])
    .where('e.code', '=', query.element)
    .where('v.org_unit_id', '=', query.orgUnitId)
    .where('v.deleted', '=', false);
  if (query.period) q = q.where('v.period', '=', query.period);
  return q.orderBy('v.start_date').orderBy('c.code').execute();
}

export const findValueUnit = (db: Db, id: number) => db.selectFrom('data_value').select(['id', 'org_unit_id']).where('id', '=', id).executeTakeFirst();

export const listHistory = (db: Db, valueId: number) =>
  db.selectFrom('data_value_history').selectAll().where('data_value_id', '=', valueId).orderBy('id').execute();

/**
 * The live values of the elements whose codes start with a prefix, from a day on: what a module published before,
 * so that it can set to 0 what it no longer finds (feedback's FB_ figures).
 */
export function publishedValues(db: Db, options: { elementPrefix: string; from: string }) {
  const pattern = `${options.elementPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.selectFrom('data_value as v').innerJoin('data_element as e', 'e.id', 'v.element_id').innerJoin('category_option_combo as o', 'o.id', 'v.coc_id')
    .select(['e.code', 'v.org_unit_id', 'o.code as coc', 'v.period']).where('e.code', 'like', pattern).where('v.deleted', '=', false).where('v.start_date', '>=', options.from).execute();
}
