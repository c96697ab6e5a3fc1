import type { Db } from '../../db/database.js';
import type { TokenView } from './schema.js';

// The SQL of api_token, the one table this module owns.

const VIEW = [
  'id', 'name', 'prefix', 'scopes', 'org_unit_id as orgUnitId', 'created_by as createdBy', 'created_at as createdAt',
  'expires_at as expiresAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt',
] as const;

export function listTokenViews(db: Db): Promise<TokenView[]> {
  return db.selectFrom('api_token').select(VIEW).orderBy('id', 'desc').execute();
}

export function getTokenView(db: Db, id: number): Promise<TokenView | undefined> {
  return db.selectFrom('api_token').select(VIEW).where('id', '=', id).executeTakeFirst();
}

export async function insertToken(
  db: Db,
  row: { name: string; prefix: string; tokenHash: string; scopes: string[]; orgUnitId: number | null; createdBy: string; expiresAt: Date | null },
): Promise<number> {
  const { id } = await db
    .insertInto('api_token')
    .values({
      name: row.name, prefix: row.prefix, token_hash: row.tokenHash, scopes: JSON.stringify(row.scopes),
      org_unit_id: row.orgUnitId, created_by: row.createdBy, expires_at: row.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function setRevokedAt(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).execute();
}

export function findByHash(db: Db, tokenHash: string) {
  return db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function setLastUsedAt(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}
