import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, notFound } from '../../server/errors.js';
import { actorName, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { randomToken, sha256 } from '../auth/index.js';
import { isTokenLive, tokenActor } from './policy.js';
import { findByHash, getTokenView, insertToken, listTokenViews, setLastUsedAt, setRevokedAt } from './repo.js';
import { TOKEN_SCOPES, type TokenView } from './schema.js';

const TOKEN_PREFIX = 'tsk_';
/** Last use is for the administrator's eye: written at most once a minute per token, not once per request. */
const LAST_USE_RESOLUTION_MS = 60_000;

export const listTokens = (db: Db): Promise<TokenView[]> => listTokenViews(db);

export interface CreateTokenOptions {
  db: Db;
  actor: Actor;
  /** Scopes are strings: the operator tool passes what was typed, and it is checked here. */
  input: { name: string; scopes: string[]; orgUnitId?: number | null; expiresAt?: Date | null };
  request?: FastifyRequest;
}

/** Creates a token and returns its secret once; only a SHA-256 of it is kept. */
export async function createToken(options: CreateTokenOptions): Promise<{ token: string; view: TokenView }> {
  const { db, actor, input, request } = options;
  const unknown = input.scopes.find((scope) => !(TOKEN_SCOPES as readonly string[]).includes(scope));
  if (unknown !== undefined) throw new AppError('unknown_scope', { scope: unknown, scopes: TOKEN_SCOPES.join(', ') }, 'scopes');
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
  return inTransaction(db, async (trx) => {
    const id = await insertToken(trx, {
      name: input.name, prefix: secret.slice(0, 12), tokenHash: sha256(secret), scopes: [...new Set(input.scopes)],
      orgUnitId: input.orgUnitId ?? null, createdBy: actorName(actor), expiresAt: input.expiresAt ?? null,
    });
    const view = (await getTokenView(trx, id))!;
    await recordAudit(trx, actor, { action: 'token.create', entity: 'api_token', entityId: id, after: view }, request);
    return { token: secret, view };
  });
}

/** Revokes a token at once (the next request with it is refused); revoking twice changes nothing. */
export async function revokeToken(options: { db: Db; actor: Actor; id: number; now: Date; request?: FastifyRequest }): Promise<TokenView> {
  const { db, actor, id, now, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await getTokenView(trx, id);
    if (!before) throw notFound('id');
    if (before.revokedAt) return before;
    await setRevokedAt(trx, id, now);
    const after = { ...before, revokedAt: now };
    await recordAudit(trx, actor, { action: 'token.revoke', entity: 'api_token', entityId: id, before, after }, request);
    return after;
  });
}

const lastTouched = new Map<number, number>();

/** Records a use of a token by other means than its bearer header (Open311's api_key), throttled in each process. */
export async function touchToken(db: Db, id: number, now: Date): Promise<void> {
  if (now.getTime() - (lastTouched.get(id) ?? 0) < LAST_USE_RESOLUTION_MS) return;
  lastTouched.set(id, now.getTime());
  await setLastUsedAt(db, id, now);
}

/** The machine behind a bearer token, or null when unknown, revoked or expired. */
export async function resolveToken(db: Db, secret: string, now: Date): Promise<Extract<Actor, { kind: 'token' }> | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = await findByHash(db, sha256(secret));
  if (!row || !isTokenLive(row, now)) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_USE_RESOLUTION_MS) await setLastUsedAt(db, row.id, now);
  return tokenActor(row);
}
