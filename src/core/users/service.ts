import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../db/like.js';
import type { Role } from '../../db/schema.js';
import { AppError, alreadyExists, notFound, outOfScope } from '../../server/errors.js';
import { type Actor, assertUnitInScope, scopeUnitIds } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { assertStrongPassword, clearFailures, hashPassword, destroyUserSessions, locksOf } from '../auth/index.js';
import { findIdByUsername, userQuery } from './repo.js';
import type { UserCreate, UserUpdate, UserView } from './schema.js';

/** Users as others see them, each with the lock sign-in last put on its name (core/auth keeps the count). */
async function withLocks<T extends { username: string }>(db: Db, users: T[]): Promise<(T & { lockedUntil: Date | null })[]> {
  const locks = await locksOf(db, users.map((u) => u.username));
  return users.map((u) => ({ ...u, lockedUntil: locks.get(u.username.toLowerCase()) ?? null }));
}

export async function getUserView(db: Db, id: number): Promise<UserView> {
  const user = await userQuery(db).where('u.id', '=', id).executeTakeFirst();
  if (!user) throw notFound('id');
  return (await withLocks(db, [user]))[0]!;
}

/** Users the actor may see: everyone for administrators and leaders, the users of its units for the others. */
export async function listUsers(db: Db, actor: Actor, filter: { q?: string; role?: Role; orgUnitId?: number; limit: number; offset: number }) {
  const scope = await scopeUnitIds(db, actor);
  let q = userQuery(db);
  if (scope) q = q.where('u.org_unit_id', 'in', [...scope]);
  if (filter.role) q = q.where('u.role', '=', filter.role);
  if (filter.orgUnitId) {
    if (scope && !scope.has(filter.orgUnitId)) throw outOfScope('orgUnitId');
    q = q.where('u.org_unit_id', '=', filter.orgUnitId);
  }
  if (filter.q) {
    const like = containsPattern(filter.q);
    q = q.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]));
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await withLocks(db, await q.orderBy('u.username').limit(filter.limit).offset(filter.offset).execute());
  return { items, total: Number(total.n) };
}

export async function getUserInScope(db: Db, actor: Actor, id: number): Promise<UserView> {
  const user = await getUserView(db, id);
  await assertUnitInScope(db, actor, user.orgUnitId, 'id');
  return user;
}

async function assertUnitExists(db: Db, id: number): Promise<void> {
  const unit = await db.selectFrom('org_unit').select('id').where('id', '=', id).executeTakeFirst();
  if (!unit) throw new AppError('reference_not_found', {}, 'orgUnitId');
}

/**
 * A new account. `alongside` runs in the same transaction with the new id: the module that makes an account of its
 * own kind (a producer's, with its organisation) writes its link there, so neither exists without the other.
 */
export async function createUser(
  db: Db, actor: Actor, input: Omit<UserCreate, 'role'> & { role: Role }, request?: FastifyRequest, alongside?: (trx: Db, userId: number) => Promise<void>,
): Promise<UserView> {
  assertStrongPassword(input.password, input.username);
  await assertUnitExists(db, input.orgUnitId);
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findIdByUsername(trx, input.username)) throw alreadyExists(input.username, 'username');
    const row = await trx
      .insertInto('app_user')
      .values({
        username: input.username, display_name: input.displayName, email: input.email ?? null, password_hash: hash,
        role: input.role, org_unit_id: input.orgUnitId, locale: input.locale ?? 'vi',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await alongside?.(trx, row.id);
    const view = await getUserView(trx, row.id);
    await recordAudit(trx, actor, { action: 'user.create', entity: 'app_user', entityId: row.id, after: view }, request);
    return view;
  });
}

export async function updateUser(db: Db, actor: Actor, id: number, input: UserUpdate, request?: FastifyRequest): Promise<UserView> {
  if (input.orgUnitId) await assertUnitExists(db, input.orgUnitId);
  if (actor.kind === 'user' && actor.id === id && (input.active === false || (input.role && input.role !== 'admin'))) {
    throw new AppError('cannot_delete_self', {}, input.active === false ? 'active' : 'role');
  }
  return db.transaction().execute(async (trx) => {
    const before = await getUserView(trx, id);
    await trx
      .updateTable('app_user')
      .set({
        ...(input.displayName !== undefined && { display_name: input.displayName }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.orgUnitId !== undefined && { org_unit_id: input.orgUnitId }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.active !== undefined && { active: input.active }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (input.active === false) await destroyUserSessions(trx, id);
    const after = await getUserView(trx, id);
    await recordAudit(trx, actor, { action: 'user.update', entity: 'app_user', entityId: id, before, after }, request);
    return after;
  });
}

/** An administrator sets someone's password (a forgotten one); that user's sessions end. */
export async function setUserPassword(db: Db, actor: Actor, id: number, password: string, request?: FastifyRequest): Promise<void> {
  const user = await getUserView(db, id);
  assertStrongPassword(password, user.username);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: hash, password_changed_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
    await clearFailures(trx, user.username);
    await destroyUserSessions(trx, id);
    await recordAudit(trx, actor, { action: 'user.password_set', entity: 'app_user', entityId: id }, request);
  });
}

export async function unlockUser(db: Db, actor: Actor, id: number, request?: FastifyRequest): Promise<UserView> {
  return db.transaction().execute(async (trx) => {
    const before = await getUserView(trx, id);
    await clearFailures(trx, before.username);
    const after = await getUserView(trx, id);
    await recordAudit(trx, actor, { action: 'user.unlock', entity: 'app_user', entityId: id, before, after }, request);
    return after;
  });
}

export async function findUserIdByUsername(db: Db, username: string): Promise<number> {
  const id = await findIdByUsername(db, username);
  if (id === undefined) throw notFound('username');
  return id;
}
