import type { Db } from '../../db/database.js';
import type { BriefingKind } from './policy.js';
import type { BriefingContent, BriefingQuery } from './schema.js';

// The SQL of briefing, the archive.

const summary = ['id', 'kind', 'period_start', 'period_end', 'generated_at'] as const;

/** Adds a briefing unless one for its kind and period exists (another process made it first): then undefined. */
export async function insertBriefing(db: Db, row: { kind: BriefingKind; start: string; end: string; at: Date; content: BriefingContent }) {
  return db.insertInto('briefing')
    .values({ kind: row.kind, period_start: row.start, period_end: row.end, generated_at: row.at, content: JSON.stringify(row.content) })
    .onConflict((oc) => oc.columns(['kind', 'period_start']).doNothing())
    .returning(summary).executeTakeFirst();
}

export async function replaceBriefing(db: Db, id: number, at: Date, content: BriefingContent) {
  return db.updateTable('briefing').set({ generated_at: at, content: JSON.stringify(content) }).where('id', '=', id).returning(summary).executeTakeFirstOrThrow();
}

export const findBriefing = (db: Db, kind: BriefingKind, start: string) =>
  db.selectFrom('briefing').select(summary).where('kind', '=', kind).where('period_start', '=', start).executeTakeFirst();

export const getBriefing = (db: Db, id: number) => db.selectFrom('briefing').select([...summary, 'content']).where('id', '=', id).executeTakeFirst();

export function listBriefings(db: Db, query: BriefingQuery) {
  let q = db.selectFrom('briefing').select(summary);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.before) q = q.where('id', '<', query.before);
  // Newest made first: the order the briefings came out in, which the id follows.
  return q.orderBy('id', 'desc').limit(query.limit).execute();
}
