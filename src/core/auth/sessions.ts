import crypto from 'node:crypto';
import { writeStamp, type Db } from '../../db/database.js';
import type { UserActor } from '../access/index.js';

export const SESSION_COOKIE = 'tinhso_sid';
const IDLE_MS = 12 * 3600_000;
const ABSOLUTE_MS = 7 * 24 * 3600_000;
/**
 * The cookie lives as long as a session can (the server ends it sooner when idle). A relative Max-Age, not an
 * Expires date, so that a browser whose clock differs from the server's keeps it all the same.
 */
export const SESSION_COOKIE_MAX_AGE_S = ABSOLUTE_MS / 1000;
const TOUCH_EVERY_MS = 60_000;

export const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');

export async function createSession(db: Db, userId: number, now: Date, client: { ip?: string; userAgent?: string }) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + IDLE_MS);
  await db
    .insertInto('user_session')
    .values({
      id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: expiresAt,
      ip: client.ip ?? null, user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;

const readSession = (db: Db, id: string) => db
  .selectFrom('user_session as s')
  .innerJoin('app_user as u', 'u.id', 's.user_id')
  .select(['s.id', 's.csrf_token', 's.created_at', 's.last_seen_at', 's.expires_at', 'u.id as userId', 'u.username', 'u.display_name', 'u.role', 'u.org_unit_id', 'u.locale', 'u.active'])
  .where('s.id', '=', id)
  .executeTakeFirst();

/**
 * Sessions read on the embedded database, answered again while neither table was written since (writeStamp): a
 * long import holds the one connection, and its users' other screens still answer. A logout, a disabled user or a
 * role change is a write, so it is seen at once.
 */
const remembered = new WeakMap<Db, Map<string, { epoch: number; row: SessionRow }>>();
const REMEMBERED = 10_000;
const SESSION_TABLES = ['user_session', 'app_user'] as const;

/** The user behind a session cookie, or null when the session is unknown, expired, or its user disabled. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<UserActor | null> {
  const id = sha256(token);
  const epoch = writeStamp(db, SESSION_TABLES);
  const known = remembered.get(db)?.get(id);
  const current = epoch !== null && known?.epoch === epoch && now.getTime() - known.row.last_seen_at.getTime() <= TOUCH_EVERY_MS;
  const row = current ? known.row : await readSession(db, id);
  if (!row || !row.active || row.expires_at <= now || now.getTime() - row.created_at.getTime() > ABSOLUTE_MS) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('user_session').set({ last_seen_at: now, expires_at: new Date(now.getTime() + IDLE_MS) }).where('id', '=', id).execute();
  } else if (epoch !== null && !current) {
    let memo = remembered.get(db);
    if (!memo) remembered.set(db, (memo = new Map()));
    memo.set(id, { epoch, row });
    if (memo.size > REMEMBERED) memo.delete(memo.keys().next().value!);
  }
  return {
    kind: 'user', id: row.userId, username: row.username, displayName: row.display_name, role: row.role,
    orgUnitId: row.org_unit_id, locale: row.locale, sessionId: id, csrfToken: row.csrf_token,
  };
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

export async function destroyUserSessions(db: Db, userId: number, except?: string): Promise<void> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', except);
  await q.execute();
}

export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('user_session').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
