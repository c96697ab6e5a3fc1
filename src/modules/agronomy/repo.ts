import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AgriBulletinTable, AgriSubscriptionTable } from '../../db/schema.js';

// The SQL of agri_crop_stage, agri_field_count, agri_bulletin and agri_subscription (and the unit names they show).

export async function unitNames(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** Whether a unit exists (in any period): an administrator, whom no scope stops, may name one that does not. */
export const unitExists = async (db: Db, id: number) => !!(await db.selectFrom('org_unit').select('id').where('id', '=', id).executeTakeFirst());

/** Each unit's crop stage on a day: its own latest entry on or before it, else its nearest ancestor's. */
export async function stagesOn(db: Db, unitIds: number[], day: string): Promise<Map<number, { stage: string; since: string; unitId: number }>> {
  if (!unitIds.length) return new Map();
  const rows = await sql<{ unit_id: string; stage: string; since: string; from_unit: string }>`
    WITH RECURSIVE up AS (
      SELECT id AS unit_id, id AS at, 0 AS depth FROM org_unit WHERE id = ANY(${unitIds}::bigint[])
      UNION ALL
      SELECT up.unit_id, u.parent_id, up.depth + 1 FROM up JOIN org_unit u ON u.id = up.at WHERE u.parent_id IS NOT NULL
    )
    SELECT DISTINCT ON (up.unit_id) up.unit_id, s.stage, to_char(s.since, 'YYYY-MM-DD') AS since, s.unit_id AS from_unit
    FROM up JOIN agri_crop_stage s ON s.unit_id = up.at AND s.since <= ${day}::date
    ORDER BY up.unit_id, up.depth, s.since DESC`.execute(db);
  return new Map(rows.rows.map((r) => [Number(r.unit_id), { stage: r.stage, since: r.since, unitId: Number(r.from_unit) }]));
}

export async function upsertStage(db: Db, row: { unitId: number; stage: string; since: string; by: string; at: Date }) {
  return db.insertInto('agri_crop_stage').values({ unit_id: row.unitId, stage: row.stage, since: row.since, set_by: row.by, set_at: row.at })
    .onConflict((oc) => oc.columns(['unit_id', 'since']).doUpdateSet({ stage: row.stage, set_by: row.by, set_at: row.at }))
    .returning(['id', 'unit_id', 'stage', 'since', 'set_by', 'set_at']).executeTakeFirstOrThrow();
}

export const listStages = (db: Db, units: number[] | null) => {
  let q = db.selectFrom('agri_crop_stage').select(['id', 'unit_id', 'stage', sql<string>`to_char(since, 'YYYY-MM-DD')`.as('since'), 'set_by', 'set_at']);
  if (units) q = q.where('unit_id', 'in', units.length ? units : [0]);
  return q.orderBy('since', 'desc').orderBy('unit_id').limit(500).execute();
};

export const findFieldCount = (db: Db, clientRef: string) =>
  db.selectFrom('agri_field_count').select(['id', 'device_id', sql<string>`to_char(night, 'YYYY-MM-DD')`.as('night'), 'counts', 'note', 'photo_type', 'recorded_by', 'recorded_at'])
    .where('client_ref', '=', clientRef).executeTakeFirst();

export async function insertFieldCount(db: Db, row: { deviceId: number; night: string; counts: Record<string, number>; note: string | null; photo: Buffer | null; photoType: string | null; clientRef: string; by: string; at: Date }) {
  return db.insertInto('agri_field_count').values({
    device_id: row.deviceId, night: row.night, counts: JSON.stringify(row.counts), note: row.note, photo: row.photo, photo_type: row.photoType,
    client_ref: row.clientRef, recorded_by: row.by, recorded_at: row.at,
  }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
}

export const fieldCountPhoto = (db: Db, id: number) =>
  db.selectFrom('agri_field_count').select(['device_id', 'photo', 'photo_type']).where('id', '=', id).executeTakeFirst();

export const listFieldCounts = (db: Db, deviceIds: number[], limit = 100) =>
  db.selectFrom('agri_field_count').select(['id', 'device_id', sql<string>`to_char(night, 'YYYY-MM-DD')`.as('night'), 'counts', 'note', sql<boolean>`photo IS NOT NULL`.as('has_photo'), 'recorded_by', 'recorded_at'])
    .where('device_id', 'in', deviceIds.length ? deviceIds : [0]).orderBy('night', 'desc').orderBy('id', 'desc').limit(limit).execute();

export type BulletinRow = Selectable<AgriBulletinTable>;

export const insertBulletin = (db: Db, row: Insertable<AgriBulletinTable>) => db.insertInto('agri_bulletin').values(row).returningAll().executeTakeFirstOrThrow();
export const getBulletin = (db: Db, id: number) => db.selectFrom('agri_bulletin').selectAll().where('id', '=', id).executeTakeFirst();
export const lockBulletin = (db: Db, id: number) => db.selectFrom('agri_bulletin').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const updateBulletin = (db: Db, id: number, patch: Partial<Insertable<AgriBulletinTable>>) =>
  db.updateTable('agri_bulletin').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export function listBulletins(db: Db, q: { units: number[] | null; publishedOnly: boolean; limit: number; offset: number }) {
  let query = db.selectFrom('agri_bulletin').selectAll();
  if (q.publishedOnly) query = query.where('status', '=', 'published');
  if (q.units) query = query.where('unit_id', 'in', q.units.length ? q.units : [0]);
  return query.orderBy(q.publishedOnly ? 'published_at' : 'updated_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
}

export type SubscriptionRow = Selectable<AgriSubscriptionTable>;

/** Nothing when an active subscription of the same address and area was made at the same moment by another request. */
export const insertSubscription = (db: Db, row: Insertable<AgriSubscriptionTable>) =>
  db.insertInto('agri_subscription').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
export const activeSubscriptionFor = (db: Db, email: string, unitId: number | null) =>
  db.selectFrom('agri_subscription').selectAll().where(sql<boolean>`lower(email) = lower(${email})`).where(sql<boolean>`coalesce(unit_id, 0) = ${unitId ?? 0}`)
    .where('unsubscribed_at', 'is', null).executeTakeFirst();
export const listSubscriptions = (db: Db, units: number[] | null) => {
  let q = db.selectFrom('agri_subscription').selectAll().where('unsubscribed_at', 'is', null);
  if (units) q = q.where('unit_id', 'in', units.length ? units : [0]);
  return q.orderBy('name').execute();
};
/** Subscribers of the units given (a bulletin's unit, those above it, its windows' communes) and of the whole province (no unit). */
export async function subscribersOf(db: Db, unitIds: number[]): Promise<SubscriptionRow[]> {
  return db.selectFrom('agri_subscription').selectAll().where('unsubscribed_at', 'is', null)
    .where((eb) => eb.or([eb('unit_id', 'is', null), eb('unit_id', 'in', unitIds.length ? unitIds : [0])])).execute();
}
export const unsubscribe = (db: Db, hash: string, at: Date) =>
  db.updateTable('agri_subscription').set({ unsubscribed_at: at }).where('unsubscribe_hash', '=', hash).where('unsubscribed_at', 'is', null).returning(['id', 'name']).executeTakeFirst();
export const endSubscription = (db: Db, id: number, at: Date) =>
  db.updateTable('agri_subscription').set({ unsubscribed_at: at }).where('id', '=', id).where('unsubscribed_at', 'is', null).returningAll().executeTakeFirst();

/** A unit and every unit ever below it (a bulletin's area, as an officer's scope counts it). */
export async function areaOf(db: Db, unitId: number): Promise<Set<number>> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE below AS (SELECT id FROM org_unit WHERE id = ${unitId} UNION ALL SELECT u.id FROM org_unit u JOIN below b ON u.parent_id = b.id)
    SELECT id FROM below`.execute(db);
  return new Set(rows.rows.map((r) => Number(r.id)));
}

/** The units above a unit, nearest first. */
export async function ancestorsOf(db: Db, unitId: number): Promise<number[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE up AS (SELECT parent_id AS id, 1 AS depth FROM org_unit WHERE id = ${unitId} UNION ALL SELECT u.parent_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL)
    SELECT id FROM up WHERE id IS NOT NULL ORDER BY depth`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

export const rehashSubscription = (db: Db, id: number, hash: string) => db.updateTable('agri_subscription').set({ unsubscribe_hash: hash }).where('id', '=', id).execute();

export const countOfNight = (db: Db, deviceId: number, night: string) =>
  db.selectFrom('agri_field_count').select(['id', 'recorded_by']).where('device_id', '=', deviceId).where('night', '=', night).executeTakeFirst();
