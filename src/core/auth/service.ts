import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import type { UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { assertStrongPassword, decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { createSession, destroyUserSessions } from './sessions.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/**
 * Checks a username and password. Five wrong passwords in a row lock the account for fifteen minutes; the lock
 * lives in the database so that every server process honours it. Attempts are audited either way.
 */
export async function login(db: Db, input: { username: string; password: string }, now: Date, request: FastifyRequest) {
  const user = await db.selectFrom('app_user').selectAll().where(({ fn }) => fn('lower', ['username']), '=', input.username.toLowerCase()).executeTakeFirst();
  const system = { kind: 'system' as const, name: 'auth' };
  if (!user) {
    await verifyPassword(await decoyHash(), input.password);
    await recordAudit(db, system, { action: 'auth.login_failed', entity: 'app_user', after: { username: input.username, reason: 'unknown_user' } }, request);
    throw new AppError('invalid_credentials');
  }
  if (user.locked_until && user.locked_until > now) {
    const minutes = Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000);
    throw new AppError('account_locked', { minutes }, undefined, { headers: { 'retry-after': String(minutes * 60) } });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', user.id).execute();
      await recordAudit(trx, system, { action: lock ? 'auth.locked' : 'auth.login_failed', entity: 'app_user', entityId: user.id, after: { username: user.username, failed } }, request);
    });
    if (lock) throw new AppError('account_locked', { minutes: LOCKOUT_MINUTES }, undefined, { headers: { 'retry-after': String(LOCKOUT_MINUTES * 60) } });
    throw new AppError('invalid_credentials');
  }
  if (!user.active) throw new AppError('account_disabled');
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
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
