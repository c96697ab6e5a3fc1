import type { Db } from '../../db/database.js';
import { insertLiveEvent } from './repo.js';
import type { LiveInput } from './schema.js';

/**
 * Publishes a change to every screen that follows it, in the transaction that makes the change: it is numbered and
 * delivered when that transaction commits (in commit order), and not at all when it rolls back (migration 0027).
 * Any step of a use case may publish.
 */
export async function publishLive(db: Db, input: LiveInput): Promise<void> {
  await insertLiveEvent(db, input);
}
