import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AlertState, AlertTable, Severity } from '../../db/schema.js';
import { ACTIVE_STATES, type AlertQuery } from './schema.js';

// The SQL of alert and alert_event (alert_field and alert_type: type-repo.ts).

export * from './type-repo.js';

export type AlertRow = Omit<Selectable<AlertTable>, 'image'> & { has_image: boolean };

export interface NewAlert {
  type_code: string; severity: Severity; field_code: string; unit_id: number | null; lat: number | null; lon: number | null;
  title_vi: string; title_en: string; details_vi: string; details_en: string; source: string; external_id: string | null;
  dedupe_key: string | null; evidence: string; image: Buffer | null; image_type: string | null; raised_at: Date; last_seen_at: Date; updated_at: Date;
}

/**
 * Inserts an alert, or refreshes the active one with the same source and dedupe key (its count, last seen, severity
 * and text): the unique index decides, so a repeat arriving twice at once, through two processes, still makes one.
 */
export async function upsertAlert(db: Db, row: NewAlert): Promise<{ id: number; created: boolean; occurrences: number }> {
  const result = await db.insertInto('alert').values(row)
    .onConflict((oc) => oc.columns(['source', 'dedupe_key']).where('dedupe_key', 'is not', null).where('state', 'in', [...ACTIVE_STATES]).doUpdateSet((eb) => ({
      occurrences: sql<number>`alert.occurrences + 1`,
      last_seen_at: sql<Date>`greatest(alert.last_seen_at, excluded.last_seen_at)`,
      severity: eb.ref('excluded.severity'), title_vi: eb.ref('excluded.title_vi'), title_en: eb.ref('excluded.title_en'),
      details_vi: eb.ref('excluded.details_vi'), details_en: eb.ref('excluded.details_en'), evidence: eb.ref('excluded.evidence'),
      updated_at: eb.ref('excluded.updated_at'),
    })))
    .returning(['id', 'occurrences', sql<boolean>`(xmax = 0)`.as('created')])
    .executeTakeFirstOrThrow();
  return { id: Number(result.id), created: result.created, occurrences: result.occurrences };
}

const columns = [
  'id', 'type_code', 'severity', 'field_code', 'state', 'unit_id', 'lat', 'lon', 'title_vi', 'title_en', 'details_vi', 'details_en', 'source',
  'external_id', 'dedupe_key', 'evidence', 'image_type', 'occurrences', 'raised_at', 'last_seen_at', 'acknowledged_at', 'resolved_at', 'closed_at',
  'assigned_unit_id', 'assigned_user_id', 'escalation_level', 'escalated_unit_id', 'escalated_at', 'dismiss_reason', 'checks', 'updated_at',
] as const;

const selectAlerts = (db: Db) => db.selectFrom('alert').select([...columns, sql<boolean>`image IS NOT NULL`.as('has_image')]);

export async function getAlertRow(db: Db, id: number, forUpdate = false): Promise<AlertRow | undefined> {
  let query = selectAlerts(db).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The alerts a list asks for, newest first; `units` limits them to those concerning these units (or no unit). */
export async function findAlerts(db: Db, query: AlertQuery, units: ReadonlySet<number> | null): Promise<AlertRow[]> {
  let q = selectAlerts(db).orderBy('id', 'desc').limit(query.limit);
  if (query.state === 'active') q = q.where('state', 'in', [...ACTIVE_STATES]);
  else if (query.state === 'ended') q = q.where('state', 'in', ['resolved', 'closed', 'dismissed']);
  else if (query.state !== 'all') q = q.where('state', '=', query.state);
  if (query.severity) q = q.where('severity', '=', query.severity);
  if (query.field) q = q.where('field_code', '=', query.field);
  if (query.type) q = q.where('type_code', '=', query.type);
  if (query.since) q = q.where('raised_at', '>=', query.since);
  if (query.before) q = q.where('id', '<', query.before);
  if (query.unitId) {
    const unit = query.unitId;
    q = q.where((eb) => eb.or([eb('unit_id', '=', unit), eb('assigned_unit_id', '=', unit), eb('escalated_unit_id', '=', unit)]));
  }
  if (units) q = q.where(inUnits(units));
  return q.execute();
}

/** Active alerts by severity, within the same units. */
export async function countActive(db: Db, units: ReadonlySet<number> | null): Promise<Record<string, number>> {
  let q = db.selectFrom('alert').select(['severity', (eb) => eb.fn.countAll<number>().as('n')]).where('state', 'in', [...ACTIVE_STATES]).groupBy('severity');
  if (units) q = q.where(inUnits(units));
  const rows = await q.execute();
  return Object.fromEntries(rows.map((r) => [r.severity, Number(r.n)]));
}

const inUnits = (units: ReadonlySet<number>) => {
  const ids = [...units];
  return sql<boolean>`(unit_id IS NULL AND assigned_unit_id IS NULL AND escalated_unit_id IS NULL OR unit_id = ANY(${ids}::bigint[]) OR assigned_unit_id = ANY(${ids}::bigint[]) OR escalated_unit_id = ANY(${ids}::bigint[]))`;
};

export async function alertImage(db: Db, id: number): Promise<{ image: Buffer; image_type: string } | undefined> {
  const row = await db.selectFrom('alert').select(['image', 'image_type']).where('id', '=', id).executeTakeFirst();
  return row?.image && row.image_type ? { image: row.image, image_type: row.image_type } : undefined;
}

export async function updateAlert(db: Db, id: number, patch: Partial<Omit<Selectable<AlertTable>, 'id' | 'checks' | 'evidence'>> & { checks?: string }): Promise<void> {
  await db.updateTable('alert').set(patch).where('id', '=', id).execute();
}

export interface AlertEventInput { alert_id: number; at: Date; actor_kind: string; actor_name: string; action: string; from_state: AlertState | null; to_state: AlertState | null; note?: string; data?: Record<string, unknown> }

export async function insertAlertEvent(db: Db, event: AlertEventInput): Promise<void> {
  await db.insertInto('alert_event').values({ ...event, note: event.note ?? '', data: JSON.stringify(event.data ?? {}) }).execute();
}

export const alertEvents = (db: Db, alertId: number) =>
  db.selectFrom('alert_event').select(['id', 'at', 'actor_name', 'action', 'from_state', 'to_state', 'note', 'data']).where('alert_id', '=', alertId).orderBy('id').execute();

/** Open alerts whose type's acknowledgement limit has passed since they were raised or last escalated. */
export async function alertsDueForEscalation(db: Db, now: Date): Promise<{ id: number }[]> {
  return db.selectFrom('alert as a').innerJoin('alert_type as t', 't.code', 'a.type_code').select('a.id')
    .where('a.state', '=', 'open').where('t.ack_limit_minutes', 'is not', null)
    .where(sql<boolean>`coalesce(a.escalated_at, a.raised_at) + make_interval(mins => t.ack_limit_minutes) <= ${now}`)
    .orderBy('a.id').limit(500).execute();
}

/** The active alert a source raised under a dedupe key, for the source to clear when its condition is gone. */
export async function findActiveByKey(db: Db, source: string, dedupeKey: string): Promise<number | undefined> {
  const row = await db.selectFrom('alert').select('id').where('source', '=', source).where('dedupe_key', '=', dedupeKey)
    .where('state', 'in', [...ACTIVE_STATES]).executeTakeFirst();
  return row?.id;
}

/** The active alerts a source raised under keys starting with a prefix, by key. */
export async function activeByPrefix(db: Db, source: string, prefix: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('alert').select(['id', 'dedupe_key']).where('source', '=', source)
    .where('dedupe_key', 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`).where('state', 'in', [...ACTIVE_STATES]).execute();
  return new Map(rows.map((r) => [r.dedupe_key!, r.id]));
}
