import { ACCESS, type Access, type Actor } from '../access/index.js';

/** Who may do what with API tokens: only administrators see or hand out machine credentials. */
export const TOKEN_POLICY = {
  list: ACCESS.admins,
  create: ACCESS.admins,
  revoke: ACCESS.admins,
} as const satisfies Record<string, Access>;

/** A token is usable while it is neither revoked nor past its expiry. */
export function isTokenLive(token: { revoked_at: Date | null; expires_at: Date | null }, now: Date): boolean {
  return !token.revoked_at && !(token.expires_at && token.expires_at <= now);
}

/** A token's actor as the access rules see it. */
export function tokenActor(row: { id: number; name: string; scopes: string[]; org_unit_id: number | null }): Extract<Actor, { kind: 'token' }> {
  return { kind: 'token', id: row.id, name: row.name, scopes: row.scopes, orgUnitId: row.org_unit_id };
}
