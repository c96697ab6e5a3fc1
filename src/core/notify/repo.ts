import type { Db } from '../../db/database.js';

// Reads and marks of notification and webhook for people (the outbox writes them, deliver.ts sends them).

export async function inbox(db: Db, userId: number, options: { unreadOnly: boolean; limit: number }) {
  let q = db.selectFrom('notification').select(['id', 'event', 'subject', 'body', 'payload', 'case_id as caseId', 'created_at as createdAt', 'read_at as readAt'])
    .where('channel', '=', 'in_app').where('user_id', '=', userId);
  if (options.unreadOnly) q = q.where('read_at', 'is', null);
  const items = await q.orderBy('id', 'desc').limit(options.limit).execute();
  const unread = await db.selectFrom('notification').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('channel', '=', 'in_app').where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return { unread: Number(unread.n), items };
}

/** Marks a user's unread in-app notifications read (those given, or all); returns how many. */
export async function markRead(db: Db, userId: number, ids: number[] | undefined, at: Date): Promise<number> {
  let q = db.updateTable('notification').set({ read_at: at }).where('channel', '=', 'in_app').where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length ? ids : [0]);
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
