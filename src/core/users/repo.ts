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

/** Who each id is, for a screen that names the people on a record (an alert's handler). */
export async function displayNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The active users of the given roles, for a message to everyone who answers for the whole province. */
export async function activeUsersWithRoles(db: Db, roles: ('admin' | 'leader' | 'officer' | 'reviewer')[]): Promise<{ id: number; email: string | null; orgUnitId: number }[]> {
  return db.selectFrom('app_user').select(['id', 'email', 'org_unit_id as orgUnitId']).where('role', 'in', roles).where('active', '=', true).execute();
}

/** An active user's unit, to check that a handler named on a record works where it should. */
export async function activeUserUnit(db: Db, id: number): Promise<number | null> {
  const row = await db.selectFrom('app_user').select('org_unit_id').where('id', '=', id).where('active', '=', true).executeTakeFirst();
  return row?.org_unit_id ?? null;
}
