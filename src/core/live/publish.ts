import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.js';
import { insertLiveEvent, notifyLive } from './repo.js';
import type { LiveInput } from './schema.js';

/** pg_notify refuses payloads of 8000 bytes or more: a larger event goes by its id, and listeners read it. */
const NOTIFY_LIMIT = 7000;

/**
 * Publishes a change to every screen that follows it, in the transaction that makes the change: it is delivered when
 * that transaction commits, and not at all when it rolls back. Publications take one transaction-scoped lock, so
 * events commit in the order of their ids and a client that reconnects with the last id it saw misses none. Publish
 * as the last step of a use case: the lock is held until commit.
 */
export async function publishLive(db: Db, input: LiveInput): Promise<void> {
  await inTransaction(db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':live'))`.execute(trx);
    const event = await insertLiveEvent(trx, input);
    const text = JSON.stringify(event);
    await notifyLive(trx, text.length < NOTIFY_LIMIT ? text : JSON.stringify({ id: event.id }));
  });
}
