import type { Role } from '../../db/schema.js';
import { ACCESS, type Actor, type UserActor } from './actor.js';

const ROLES = ACCESS.anyAccount.roles;

/**
 * Actors for policy tests and tools: a person of a role working for a unit, or a machine with scopes. A session's
 * own secrets are blank: a policy never reads them.
 */
export function personActor(role: Role, orgUnitId = 1): UserActor {
  return { kind: 'user', id: orgUnitId * 10 + ROLES.indexOf(role), username: role, displayName: role, role, orgUnitId, locale: 'vi', sessionId: '', csrfToken: '' };
}

export function machineActor(scopes: string[], orgUnitId: number | null = null): Extract<Actor, { kind: 'token' }> {
  return { kind: 'token', id: 1, name: `token ${scopes.join(',')}`, scopes, orgUnitId };
}

/** Who a policy lets in, among each role, each token scope and nobody: `['admin', 'officer', 'token:read']`. */
export function whoMay(allowed: (actor: Actor | undefined) => boolean, scopes: readonly string[]): string[] {
  return [
    ...ROLES.filter((role) => allowed(personActor(role))),
    ...scopes.filter((scope) => allowed(machineActor([scope]))).map((scope) => `token:${scope}`),
    ...(allowed(undefined) ? ['anyone'] : []),
  ];
}
