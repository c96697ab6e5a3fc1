import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import type { UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { assertStrongPassword, decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { clearFailures, lockedUntil, recordFailure } from './lockout.js';
import { createSession, destroyUserSessions } from './sessions.js';

export { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from './lockout.js';

const lockedError = (until: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('account_locked', { minutes }, undefined, { headers: { 'retry-after': String(minutes * 60) } });
};

/**
 * Checks a username and password. Five wrong passwords for a name lock it for fifteen minutes — any name, with or
 * without an account, so that the answers never tell which names exist. The count lives in the database and grows
 * by one atomic statement per failure, so parallel attempts and several processes all honour it. Attempts are
 * audited either way.
 */
export async function login(db: Db, input: { username: string; password: string }, now: Date, request: FastifyRequest) {
  const system = { kind: 'system' as const, name: 'auth' };
  const locked = await lockedUntil(db, input.username, now);
  if (locked) throw lockedError(locked, now);
  const user = await db.selectFrom('app_user').selectAll().where(({ fn }) => fn('lower', ['username']), '=', input.username.toLowerCase()).executeTakeFirst();
  // An unknown name costs the same hashing as a wrong password.
  const verified = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user || !verified) {
    const failure = await recordFailure(db, input.username, now);
    await recordAudit(db, system, {
      action: failure.lockedUntil ? 'auth.locked' : 'auth.login_failed', entity: 'app_user', entityId: user?.id ?? null,
      after: { username: user?.username ?? input.username, failed: failure.failed, ...(user ? {} : { reason: 'unknown_user' }) },
    }, request);
    if (failure.lockedUntil) throw lockedError(failure.lockedUntil, now);
    throw new AppError('invalid_credentials');
  }
  if (!user.active) throw new AppError('account_disabled');
  return db.transaction().execute(async (trx) => {
    await clearFailures(trx, user.username);
    const session = await createSession(trx, user.id, now, { ip: request.ip, userAgent: request.headers['user-agent'] });
    const actor = { kind: 'user' as const, id: user.id, username: user.username, displayName: user.display_name, role: user.role, orgUnitId: user.org_unit_id, locale: user.locale, sessionId: '', csrfToken: session.csrfToken };
    await recordAudit(trx, actor, { action: 'auth.login', entity: 'app_user', entityId: user.id }, request);
    return { session, actor };
  });
}

/** Changes one's own password; every other session of the user is closed. */
export async function changeOwnPassword(db: Db, actor: UserActor, input: { currentPassword: string; newPassword: string }, request: FastifyRequest) {
  const user = await db.selectFrom('app_user').select(['password_hash', 'username']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw new AppError('wrong_password', {}, 'currentPassword');
  assertStrongPassword(input.newPassword, user.username, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: hash, password_changed_at: new Date(), updated_at: new Date() }).where('id', '=', actor.id).execute();
    await destroyUserSessions(trx, actor.id, actor.sessionId);
    await recordAudit(trx, actor, { action: 'user.password_change', entity: 'app_user', entityId: actor.id }, request);
  });
}
