import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LiveEvent, LiveInput } from './schema.js';

type Row = { id: number; at: Date; topic: string; unit_ids: number[] | null; user_ids: number[] | null; payload: unknown };

const toEvent = (r: Row): LiveEvent => ({
  id: Number(r.id), at: new Date(r.at).toISOString(), topic: r.topic as LiveEvent['topic'],
  unitIds: r.unit_ids?.map(Number) ?? null, userIds: r.user_ids?.map(Number) ?? null, payload: (r.payload ?? {}) as Record<string, unknown>,
});

export async function insertLiveEvent(db: Db, input: LiveInput): Promise<LiveEvent> {
  const row = await db.insertInto('live_event')
    .values({ topic: input.topic, unit_ids: input.unitIds ?? null, user_ids: input.userIds ?? null, payload: JSON.stringify(input.payload ?? {}) })
    .returning(['id', 'at', 'topic', 'unit_ids', 'user_ids', 'payload'])
    .executeTakeFirstOrThrow();
  return toEvent(row);
}

/** Sends the event to every process listening to this schema's channel, on commit. */
export async function notifyLive(db: Db, text: string): Promise<void> {
  await sql`SELECT pg_notify('tinhso_live_' || regexp_replace(lower(current_schema()), '[^a-z0-9_]', '_', 'g'), ${text})`.execute(db);
}

/** This schema's channel name, as notifyLive computes it. */
export async function liveChannelName(db: Db): Promise<string> {
  const row = await sql<{ name: string }>`SELECT 'tinhso_live_' || regexp_replace(lower(current_schema()), '[^a-z0-9_]', '_', 'g') AS name`.execute(db);
  return row.rows[0]!.name;
}

export async function liveEventsAfter(db: Db, afterId: number, limit: number): Promise<LiveEvent[]> {
  const rows = await db.selectFrom('live_event').select(['id', 'at', 'topic', 'unit_ids', 'user_ids', 'payload'])
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toEvent);
}

export async function lastLiveEventId(db: Db): Promise<number> {
  const row = await db.selectFrom('live_event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function pruneLiveEvents(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('live_event').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
