import type { Db } from '../../db/database.js';

// The SQL of app_user for the users module (sign-in's own reads and counters are in core/auth).

/** A user as others see it, with the unit it works for. */
export function userQuery(db: Db) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
    .select([
      'u.id', 'u.username', 'u.display_name as displayName', 'u.email', 'u.role', 'u.org_unit_id as orgUnitId',
      'o.code as orgUnitCode', 'o.name as orgUnitName', 'u.locale', 'u.active', 'u.created_at as createdAt',
    ]);
}

export const findIdByUsername = async (db: Db, username: string) =>
  (await db.selectFrom('app_user').select('id').where(({ fn }) => fn('lower', ['username']), '=', username.toLowerCase()).executeTakeFirst())?.id;
