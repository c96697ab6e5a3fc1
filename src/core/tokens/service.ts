import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../server/errors.js';
import { type Actor, actorName } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { randomToken, sha256 } from '../auth/index.js';
import type { FastifyRequest } from 'fastify';

/** Scopes a machine can be granted; each later capability names the scope its endpoints accept. */
export const TOKEN_SCOPES = ['read', 'open311', 'devices', 'data-exchange', 'reports'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const TOKEN_PREFIX = 'tsk_';

export interface TokenView {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  orgUnitId: number | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listTokens(db: Db): Promise<TokenView[]> {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'prefix', 'scopes', 'org_unit_id as orgUnitId', 'created_by as createdBy', 'created_at as createdAt', 'expires_at as expiresAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'])
    .orderBy('id', 'desc')
    .execute();
}

/** Creates a token and returns its secret once; only a SHA-256 of it is kept. */
export async function createToken(
  db: Db,
  actor: Actor,
  input: { name: string; scopes: string[]; orgUnitId?: number | null; expiresAt?: Date | null },
  request?: FastifyRequest,
): Promise<{ token: string; view: TokenView }> {
  for (const scope of input.scopes) {
    if (!(TOKEN_SCOPES as readonly string[]).includes(scope)) {
      throw new AppError('unknown_scope', { scope, scopes: TOKEN_SCOPES.join(', ') }, 'scopes');
    }
  }
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_token')
      .values({
        name: input.name, prefix: secret.slice(0, 12), token_hash: sha256(secret), scopes: JSON.stringify([...new Set(input.scopes)]),
        org_unit_id: input.orgUnitId ?? null, created_by: actorName(actor), expires_at: input.expiresAt ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = (await listTokens(trx)).find((t) => t.id === row.id)!;
    await recordAudit(trx, actor, { action: 'token.create', entity: 'api_token', entityId: row.id, after: view }, request);
    return { token: secret, view };
  });
}

export async function revokeToken(db: Db, actor: Actor, id: number, now: Date, request?: FastifyRequest): Promise<TokenView> {
  return db.transaction().execute(async (trx) => {
    const before = (await listTokens(trx)).find((t) => t.id === id);
    if (!before) throw notFound('id');
    if (before.revokedAt) return before;
    await trx.updateTable('api_token').set({ revoked_at: now }).where('id', '=', id).execute();
    const after = { ...before, revokedAt: now };
    await recordAudit(trx, actor, { action: 'token.revoke', entity: 'api_token', entityId: id, before, after }, request);
    return after;
  });
}

/** The machine behind a bearer token, or null when unknown, revoked or expired. */
const touched = new Map<number, number>();

/**
 * Records that a token was used, at most once a minute per token and process: last use is for the administrator's
 * eye, not worth a write per request.
 */
export async function touchToken(db: Db, id: number, now: Date): Promise<void> {
  if (now.getTime() - (touched.get(id) ?? 0) < 60_000) return;
  touched.set(id, now.getTime());
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function resolveToken(db: Db, secret: string, now: Date): Promise<Extract<Actor, { kind: 'token' }> | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.selectFrom('api_token').selectAll().where('token_hash', '=', sha256(secret)).executeTakeFirst();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { kind: 'token', id: row.id, name: row.name, scopes: row.scopes, orgUnitId: row.org_unit_id };
}
