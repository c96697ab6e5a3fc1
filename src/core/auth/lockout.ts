import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

const key = (username: string) => username.trim().toLowerCase();

/** When the name is locked until, if it is now (every process reads the same row). */
export async function lockedUntil(db: Db, username: string, now: Date): Promise<Date | null> {
  const row = await db.selectFrom('login_failure').select('locked_until').where('username', '=', key(username)).executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? row.locked_until : null;
}

/**
 * Counts one failed sign-in for a name, known or not, in one statement: parallel failures each add one, and the
 * fifth locks the name for fifteen minutes (the count starts again). Returns the count and the lock it set, if any.
 */
export async function recordFailure(db: Db, username: string, now: Date): Promise<{ failed: number; lockedUntil: Date | null }> {
  const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const row = (await sql<{ failed: number; locked_until: Date | null }>`
    INSERT INTO login_failure AS f (username, failed, locked_until, updated_at) VALUES (${key(username)}, 1, NULL, ${now})
    ON CONFLICT (username) DO UPDATE SET
      failed = CASE WHEN f.failed + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE f.failed + 1 END,
      locked_until = CASE WHEN f.failed + 1 >= ${MAX_FAILED_LOGINS} THEN ${until}::timestamptz ELSE f.locked_until END,
      updated_at = ${now}
    RETURNING CASE WHEN locked_until = ${until}::timestamptz THEN ${MAX_FAILED_LOGINS} ELSE failed END AS failed, locked_until`.execute(db)).rows[0]!;
  return { failed: Number(row.failed), lockedUntil: row.locked_until && row.locked_until.getTime() === until.getTime() ? row.locked_until : null };
}

/** Forgets a name's failures: a good sign-in, or an administrator unlocking the account. */
export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_failure').where('username', '=', key(username)).execute();
}

/** The last lock of each name given (past or in force: the reader compares it with its clock), by lower-case name. */
export async function locksOf(db: Db, usernames: string[]): Promise<Map<string, Date>> {
  if (!usernames.length) return new Map();
  const rows = await db.selectFrom('login_failure').select(['username', 'locked_until'])
    .where('username', 'in', usernames.map(key)).where('locked_until', 'is not', null).execute();
  return new Map(rows.map((r) => [r.username, r.locked_until!]));
}
