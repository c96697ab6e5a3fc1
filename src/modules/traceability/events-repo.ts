import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CaptureProblemColumns, TraceEventTable } from '../../db/schema.js';

// The SQL of the events, their captures and checkpoints. Events are only ever inserted.

export const insertCapture = (db: Db, row: { id: string; producerId: number; status: 'succeeded' | 'failed'; events: number; problems: CaptureProblemColumns[]; by: string; at: Date; finished: Date }) =>
  db.insertInto('trace_capture').values({
    id: row.id, producer_id: row.producerId, status: row.status, event_count: row.events, problems: JSON.stringify(row.problems), captured_by: row.by, received_at: row.at, finished_at: row.finished,
  }).execute();

/** A stored capture's warnings and the time it ended. */
export const finishCapture = (db: Db, id: string, warnings: CaptureProblemColumns[], at: Date) =>
  db.updateTable('trace_capture').set({ problems: JSON.stringify(warnings), finished_at: at }).where('id', '=', id).execute();

export const captureRow = (db: Db, id: string) =>
  db.selectFrom('trace_capture').select(['id', 'producer_id', 'status', 'event_count', 'problems', 'captured_by', 'received_at', 'finished_at']).where('id', '=', id).executeTakeFirst();

/** The producer's chain head, locked until the transaction ends: appends to one chain never interleave. */
export async function lockChain(db: Db, producerId: number): Promise<{ seq: number; head: string }> {
  const row = await db.selectFrom('trace_producer').select(['chain_seq', 'chain_head']).where('id', '=', producerId).forUpdate().executeTakeFirstOrThrow();
  return { seq: Number(row.chain_seq), head: row.chain_head };
}
export const setChainHead = (db: Db, producerId: number, seq: number, head: string) =>
  db.updateTable('trace_producer').set({ chain_seq: seq, chain_head: head }).where('id', '=', producerId).execute();

export async function takenEventIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('trace_event').select('event_id').where('event_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.event_id));
}

/** The producers owning some GTINs (14 digits): an event naming another producer's product is not this one's to record. */
export async function gtinOwners(db: Db, gtins: string[]): Promise<Map<string, number>> {
  if (!gtins.length) return new Map();
  const rows = await db.selectFrom('trace_product').select(['gtin', 'producer_id']).where('gtin', 'in', gtins).execute();
  return new Map(rows.map((r) => [r.gtin, Number(r.producer_id)]));
}

export async function insertEvents(db: Db, rows: Insertable<TraceEventTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('trace_event').values(rows.slice(i, i + 500)).execute();
}

/** A producer's sprayings on some lots or places since a day, not declared erroneous: what a harvest's interval is checked against. */
export async function sprayingsFor(db: Db, producerId: number, bizStep: string, classes: string[], locations: string[], since: Date) {
  if (!classes.length && !locations.length) return [];
  const rows = await db.selectFrom('trace_event as e').select(['e.event_id', 'e.document'])
    .where('e.producer_id', '=', producerId).where('e.biz_step', '=', bizStep).where('e.event_time', '>=', since).where('e.declares', 'is', null)
    .where((eb) => eb.or([
      ...(classes.length ? [eb(sql<boolean>`e.epc_classes && ${sql.val(classes)}::text[]`, '=', true)] : []),
      ...(locations.length ? [eb('e.biz_location', 'in', locations)] : []),
    ]))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('trace_event as d').select('d.id').whereRef('d.declares', '=', 'e.event_id'))))
    .execute();
  return rows.map((r) => ({ ...r.document, eventID: r.event_id }) as Record<string, unknown>);
}

export const eventRow = (db: Db, eventId: string) => db.selectFrom('trace_event').selectAll().where('event_id', '=', eventId).executeTakeFirst();

/** A producer's links from `fromSeq` to `toSeq`, in order. */
export const chainRows = (db: Db, producerId: number, fromSeq: number, toSeq: number) =>
  db.selectFrom('trace_event').select(['seq', 'event_id', 'hash_id', 'prefixes', 'document', 'prev_hash', 'chain_hash'])
    .where('producer_id', '=', producerId).where('seq', '>=', fromSeq).where('seq', '<=', toSeq).orderBy('seq').execute();

/** A producer's links at some positions. */
/**
 * Some links of a chain, each found by its key: a planner whose statistics predate a producer's captures believes it
 * has one event and reads all of them (20,000 rows for a lot's fifty, 12–19 ms); a probe per key does not.
 */
const linksAt = (db: Db, producerId: number, seqs: number[]) =>
  db.selectFrom(sql<{ s: number }>`unnest(${seqs}::bigint[])`.as('s'))
    .innerJoinLateral((eb) => eb.selectFrom('trace_event').select(['seq', 'event_id', 'hash_id', 'prefixes', 'document', 'prev_hash', 'chain_hash'])
      .where('producer_id', '=', producerId).where('seq', '=', sql<number>`s.s`).limit(1).as('e'), (join) => join.onTrue())
    .selectAll('e');

/** The SHA-256 (hex) of some links' stored bytes, computed where they are: what a verdict on them is kept by. */
const FINGERPRINT = sql<string>`encode(sha256(convert_to(coalesce(string_agg(ROW(seq, event_id, hash_id, prefixes, document, prev_hash, chain_hash)::text, E'\n' ORDER BY seq), ''), 'UTF8')), 'hex')`;
export const chainFingerprintAt = async (db: Db, producerId: number, seqs: number[]) =>
  (await db.selectFrom(linksAt(db, producerId, seqs).as('l')).select(FINGERPRINT.as('fingerprint')).executeTakeFirstOrThrow()).fingerprint;

/** Some links, with the fingerprint of those same rows, read in one statement (one snapshot). */
export const chainRowsAt = (db: Db, producerId: number, seqs: number[]) =>
  db.with('l', () => linksAt(db, producerId, seqs)).selectFrom('l').selectAll()
    .select((eb) => eb.selectFrom('l').select(FINGERPRINT.as('f')).as('fingerprint')).orderBy('seq').execute();

export const checkpointRows = (db: Db, producerId: number) =>
  db.selectFrom('trace_checkpoint').select(['producer_id', 'seq', 'chain_hash', 'signed_at', 'key_id', 'signature']).where('producer_id', '=', producerId).orderBy('seq').execute();
export const lastCheckpoint = (db: Db, producerId: number) =>
  db.selectFrom('trace_checkpoint').select(['seq', 'chain_hash']).where('producer_id', '=', producerId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
export const insertCheckpoint = (db: Db, row: { producer_id: number; seq: number; chain_hash: string; signed_at: Date; key_id: string; signature: string }) =>
  db.insertInto('trace_checkpoint').values(row).onConflict((oc) => oc.columns(['producer_id', 'seq']).doNothing()).execute();
/** Producers whose chain has grown past their last checkpoint. */
export const producersToCheckpoint = (db: Db) =>
  db.selectFrom('trace_producer as p').select(['p.id', 'p.chain_seq', 'p.chain_head']).where('p.chain_seq', '>', 0)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('trace_checkpoint as c').select('c.id').whereRef('c.producer_id', '=', 'p.id').whereRef('c.seq', '=', 'p.chain_seq'))))
    .execute();
