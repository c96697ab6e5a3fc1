import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ChecklistStep, Severity } from '../../db/schema.js';

// The SQL of alert_field and alert_type (and the count of a type's alerts that decides whether it may be removed).

export type TypeOrigin = 'platform' | 'reference' | 'province';
export interface TypeRow {
  code: string; field_code: string; name_vi: string; name_en: string; default_severity: Severity; ack_limit_minutes: number | null; checklist: ChecklistStep[];
  origin: TypeOrigin; retired_at: Date | null;
}
const typeColumns = ['code', 'field_code', 'name_vi', 'name_en', 'default_severity', 'ack_limit_minutes', 'checklist', 'origin', 'retired_at'] as const;

export async function seedFields(db: Db, rows: { code: string; name_vi: string; name_en: string; sort: number }[]): Promise<void> {
  if (rows.length) await db.insertInto('alert_field').values(rows).onConflict((oc) => oc.column('code').doNothing()).execute();
}

/**
 * New types are added; types an administrator edited keep their edits and their retirement. Only whether a type is
 * shipped follows the files: a code the province added first and the platform now ships becomes shipped, and one the
 * platform's modules now raise is in service again (they raise it by name).
 */
export async function seedTypes(db: Db, rows: (Omit<TypeRow, 'checklist' | 'retired_at'> & { checklist: string; sort: number })[]): Promise<void> {
  if (!rows.length) return;
  await db.insertInto('alert_type').values(rows).onConflict((oc) => oc.column('code').doUpdateSet({
    origin: sql`excluded.origin`,
    retired_at: sql`CASE WHEN excluded.origin = 'platform' THEN NULL ELSE alert_type.retired_at END`,
  }).where(sql<boolean>`alert_type.origin IS DISTINCT FROM excluded.origin`)).execute();
}

export const listFields = (db: Db) => db.selectFrom('alert_field').select(['code', 'name_vi', 'name_en']).orderBy('sort').execute();

export const listTypes = (db: Db): Promise<TypeRow[]> => db.selectFrom('alert_type').select([...typeColumns]).orderBy('sort').orderBy('code').execute();

export async function findType(db: Db, code: string, forUpdate = false): Promise<TypeRow | undefined> {
  let query = db.selectFrom('alert_type').select([...typeColumns]).where('code', '=', code);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export const fieldExists = async (db: Db, code: string): Promise<boolean> =>
  !!(await db.selectFrom('alert_field').select('code').where('code', '=', code).executeTakeFirst());

/** Adds a type the province defines, after the others; false: the code is taken (the primary key decides). */
export async function insertType(db: Db, row: Omit<TypeRow, 'checklist' | 'origin' | 'retired_at'> & { checklist: string }): Promise<boolean> {
  const inserted = await db.insertInto('alert_type')
    .values((eb) => ({ ...row, origin: 'province' as const, sort: eb.selectFrom('alert_type').select(sql<number>`coalesce(max(sort), -1) + 1`.as('s')) }))
    .onConflict((oc) => oc.column('code').doNothing()).returning('code').executeTakeFirst();
  return !!inserted;
}

export async function updateType(db: Db, code: string, patch: { default_severity?: Severity; ack_limit_minutes?: number | null; checklist?: string; retired_at?: Date | null }): Promise<void> {
  if (Object.keys(patch).length) await db.updateTable('alert_type').set(patch).where('code', '=', code).execute();
}

/** How many alerts, in any state, are of a type. */
export async function countAlertsOfType(db: Db, code: string): Promise<number> {
  const row = await db.selectFrom('alert').select((eb) => eb.fn.countAll<string>().as('n')).where('type_code', '=', code).executeTakeFirstOrThrow();
  return Number(row.n);
}

export const deleteType = async (db: Db, code: string): Promise<void> => { await db.deleteFrom('alert_type').where('code', '=', code).execute(); };
