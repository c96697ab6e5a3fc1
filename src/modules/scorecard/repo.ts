import type { Db } from '../../db/database.js';

// The scorecard owns no table. These are reads of the data store's indicator and indicator_target, which
// src/core/data/index.ts does not offer yet (that module is being split); they move there when it does.

export function indicatorsOf(db: Db, framework: string) {
  return db.selectFrom('indicator').selectAll().where('framework', '=', framework).orderBy('pillar').orderBy('sort').orderBy('code').execute();
}

export function indicatorByCode(db: Db, code: string) {
  return db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The unit most targets were set for, of a framework or of any. */
export function mostTargetedUnit(db: Db, framework: string | null) {
  let q = db.selectFrom('indicator_target as t').innerJoin('indicator as i', 'i.id', 't.indicator_id').select(['t.org_unit_id']);
  if (framework) q = q.where('i.framework', '=', framework);
  return q.groupBy('t.org_unit_id').orderBy((eb) => eb.fn.countAll(), 'desc').executeTakeFirst();
}

export function targetRows(db: Db, indicatorIds: number[], unitId: number) {
  return db.selectFrom('indicator_target').select(['indicator_id', 'year', 'value', 'source'])
    .where('indicator_id', 'in', indicatorIds).where('org_unit_id', '=', unitId).where('kind', '=', 'target').orderBy('year').execute();
}
