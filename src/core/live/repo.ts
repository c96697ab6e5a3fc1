import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LiveEvent, LiveInput } from './schema.js';

type Row = { seq: number | null; at: Date; topic: string; unit_ids: number[] | null; user_ids: number[] | null; payload: unknown };

const toEvent = (r: Row): LiveEvent => ({
  id: Number(r.seq), at: new Date(r.at).toISOString(), topic: r.topic as LiveEvent['topic'],
  unitIds: r.unit_ids?.map(Number) ?? null, userIds: r.user_ids?.map(Number) ?? null, payload: (r.payload ?? {}) as Record<string, unknown>,
});

/** Writes an event; at commit a trigger numbers it and sends it (migration 0027). */
export async function insertLiveEvent(db: Db, input: LiveInput): Promise<void> {
  await db.insertInto('live_event')
    .values({ topic: input.topic, unit_ids: input.unitIds ?? null, user_ids: input.userIds ?? null, payload: JSON.stringify(input.payload ?? {}) })
    .execute();
}

/** This schema's channel name, as the trigger of migration 0027 computes it. */
export async function liveChannelName(db: Db): Promise<string> {
  const row = await sql<{ name: string }>`SELECT 'tinhso_live_' || regexp_replace(lower(current_schema()), '[^a-z0-9_]', '_', 'g') AS name`.execute(db);
  return row.rows[0]!.name;
}

export async function liveEventsAfter(db: Db, afterId: number, limit: number): Promise<LiveEvent[]> {
  const rows = await db.selectFrom('live_event').select(['seq', 'at', 'topic', 'unit_ids', 'user_ids', 'payload'])
    .where('seq', '>', afterId).orderBy('seq').limit(limit).execute();
  return rows.map(toEvent);
}

export async function lastLiveEventId(db: Db): Promise<number> {
  const row = await db.selectFrom('live_event').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export async function pruneLiveEvents(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('live_event').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
