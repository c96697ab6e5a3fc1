import { ACCESS, type Access, type Actor } from './actor.js';

const STAFF = ACCESS.signedIn.roles;

/** Why an actor may not use a route with this access, or null when it may. Pure: the auth hook and policies share it. */
export type Refusal = { code: 'unauthenticated' } | { code: 'token_scope_missing'; scope: string } | { code: 'forbidden' };

export function refusal(access: Access, actor: Actor | undefined): Refusal | null {
  if (access.public) return null;
  if (!actor) return { code: 'unauthenticated' };
  if (actor.kind === 'token') {
    const accepted = access.tokenScopes ?? [];
    return accepted.some((s) => actor.scopes.includes(s)) ? null : { code: 'token_scope_missing', scope: accepted.join(' | ') || '—' };
  }
  // A producer's account is an outsider's: a route that names no roles is the staff's, not theirs.
  if (actor.kind === 'user' && !(access.roles ?? STAFF).includes(actor.role)) return { code: 'forbidden' };
  return null;
}

export const allows = (access: Access, actor: Actor | undefined): boolean => refusal(access, actor) === null;
