import type { Db } from '../../db/database.js';
import { inForce } from '../../core/org-units/index.js';

// Feedback owns no table: its cases are the case engine's (through its index). What is left here are reads of
// tables owned by core modules whose index has no such read yet (units with boundaries, settings, a unit's
// officers); each should move to its owner when that module offers it.

/** The communes in force on a date, with their loaded boundary, by code. */
export function communeBoundaries(db: Db, date: string) {
  return db.selectFrom('org_unit as u').innerJoin('org_unit_boundary as b', 'b.unit_id', 'u.id')
    .select(['u.id', 'u.code', 'u.name', 'b.geometry']).where('u.level', '=', 'commune').where(inForce(date)).orderBy('u.code').execute();
}

/** The districts' outlines, whatever their validity: the background of the public map. */
export function districtBoundaries(db: Db) {
  return db.selectFrom('org_unit as u').innerJoin('org_unit_boundary as b', 'b.unit_id', 'u.id')
    .select(['u.id', 'u.code', 'u.name', 'b.geometry']).where('u.level', '=', 'district').orderBy('u.code').execute();
}

/** The communes in force on a date, by name. */
export function communesByName(db: Db, date: string) {
  return db.selectFrom('org_unit as u').select(['u.id', 'u.code', 'u.name']).where('u.level', '=', 'commune').where(inForce(date)).orderBy('u.name').execute();
}

export async function setting(db: Db, key: string): Promise<unknown> {
  return (await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** The active officers and reviewers of a unit, by name. */
export function officersOfUnit(db: Db, unitId: number) {
  return db.selectFrom('app_user').select(['id', 'username', 'display_name as displayName', 'role']).where('org_unit_id', '=', unitId)
    .where('active', '=', true).where('role', 'in', ['officer', 'reviewer']).orderBy('display_name').execute();
}
