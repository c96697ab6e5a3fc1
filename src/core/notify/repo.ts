import type { Db } from '../../db/database.js';

// Reads and marks of notification and webhook for people (the outbox writes them, deliver.ts sends them).

/** Unread notices of one event beyond this many show as one group: a burst of reports never buries the rest. */
export const GROUP_AFTER = 3;
const INBOX_COLUMNS = ['id', 'event', 'subject', 'body', 'subject_en', 'body_en', 'payload', 'case_id as caseId', 'created_at as createdAt', 'read_at as readAt'] as const;

/** A notice in both languages (one written before notices had English reads as written). */
const bilingual = <T extends { subject: string; body: string; subject_en: string | null; body_en: string | null }>({ subject_en, body_en, ...r }: T) =>
  ({ ...r, subjectEn: subject_en ?? r.subject, bodyEn: body_en ?? r.body });

/**
 * A user's in-app notices, newest first. Where more than GROUP_AFTER of one event are unread, the newest stands for
 * them all with their count (marked read together, up to it); `unread` counts what the user sees, groups as one.
 */
export async function inbox(db: Db, userId: number, options: { unreadOnly: boolean; limit: number }) {
  const mine = () => db.selectFrom('notification').where('channel', '=', 'in_app').where('user_id', '=', userId);
  const counts = await mine().where('read_at', 'is', null)
    .select((eb) => ['event', eb.fn.countAll<string>().as('n'), eb.fn.max<number>('id').as('latest')]).groupBy('event').execute();
  const grouped = counts.filter((c) => Number(c.n) > GROUP_AFTER);
  let q = mine().select(INBOX_COLUMNS);
  if (options.unreadOnly) q = q.where('read_at', 'is', null);
  if (grouped.length) q = q.where((eb) => eb.or([eb('read_at', 'is not', null), eb('event', 'not in', grouped.map((g) => g.event))]));
  const singles = (await q.orderBy('id', 'desc').limit(options.limit).execute()).map((r) => ({ ...bilingual(r), count: 1 }));
  const heads = grouped.length ? await mine().select(INBOX_COLUMNS).where('id', 'in', grouped.map((g) => Number(g.latest))).execute() : [];
  const groups = heads.map((r) => ({ ...bilingual(r), count: Number(grouped.find((g) => g.event === r.event)!.n) }));
  const items = [...singles, ...groups].sort((a, b) => b.id - a.id).slice(0, options.limit);
  return {
    unread: counts.reduce((sum, c) => sum + (Number(c.n) > GROUP_AFTER ? 1 : Number(c.n)), 0),
    unreadMessages: counts.reduce((sum, c) => sum + Number(c.n), 0),
    items,
  };
}

/** Marks a user's unread in-app notices read: those given, the groups given (an event up to a notice), or all; how many. */
export async function markRead(db: Db, userId: number, input: { ids?: number[]; groups?: { event: string; upTo: number }[] }, at: Date): Promise<number> {
  let q = db.updateTable('notification').set({ read_at: at }).where('channel', '=', 'in_app').where('user_id', '=', userId).where('read_at', 'is', null);
  const { ids, groups } = input;
  if (ids || groups) {
    q = q.where((eb) => eb.or([
      ...(ids?.length ? [eb('id', 'in', ids)] : []),
      ...(groups ?? []).map((g) => eb.and([eb('event', '=', g.event), eb('id', '<=', g.upTo)])),
      eb.val(false),
    ]));
  }
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export function outbox(db: Db, filter: { state?: 'pending' | 'sent' | 'failed'; limit: number }) {
  let q = db.selectFrom('notification')
    .select(['id', 'channel', 'recipient', 'event', 'subject', 'state', 'attempts', 'last_error as lastError', 'created_at as createdAt', 'sent_at as sentAt', 'next_attempt_at as nextAttemptAt'])
    .where('channel', '<>', 'in_app');
  if (filter.state) q = q.where('state', '=', filter.state);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}

export const listWebhooks = (db: Db) =>
  db.selectFrom('webhook').select(['id', 'name', 'url', 'events', 'active', 'created_by as createdBy', 'created_at as createdAt']).orderBy('id').execute();

export const findWebhook = (db: Db, id: number) => db.selectFrom('webhook').select(['id', 'name', 'url']).where('id', '=', id).executeTakeFirst();
