import type { Locale, Role } from '../../db/schema.js';

/** Who is acting: a person with a session, a machine with an API token, or the platform itself. */
export type Actor =
  | {
      kind: 'user';
      id: number;
      username: string;
      displayName: string;
      role: Role;
      orgUnitId: number;
      locale: Locale;
      sessionId: string;
      csrfToken: string;
    }
  | { kind: 'token'; id: number; name: string; scopes: string[]; orgUnitId: number | null; locale?: undefined }
  | { kind: 'system' | 'cli'; name: string; locale?: undefined };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const SYSTEM: Actor = { kind: 'system', name: 'system' };
export const CLI: Actor = { kind: 'cli', name: 'cli' };

/** Route access, declared beside each route and enforced by one hook (see auth/plugin.ts). */
export type Access =
  | { public: true }
  | {
      public?: false;
      /** User roles allowed; every role when absent. */
      roles?: Role[];
      /** API token scopes allowed; tokens are refused when absent. */
      tokenScopes?: string[];
    };

/** The platform's staff. A producer's people (role `producer`) are outsiders: they reach only routes that name them. */
const ALL_ROLES: Role[] = ['admin', 'leader', 'officer', 'reviewer'];

/** The access rules most routes use. Reference data and figures: every user, and tokens with the scopes given. */
export const ACCESS = {
  signedIn: { roles: ALL_ROLES },
  readers: (tokenScopes: string[] = []) => ({ roles: ALL_ROLES, tokenScopes }),
  officers: { roles: ['admin', 'officer', 'reviewer'] as Role[] },
  writers: (tokenScopes: string[] = []) => ({ roles: ['admin', 'officer'] as Role[], tokenScopes }),
  admins: { roles: ['admin'] as Role[] },
  /** Every account, producers' people too: one's own session, password and profile. */
  anyAccount: { roles: [...ALL_ROLES, 'producer'] as Role[] },
} as const;

export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.username : actor.name;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' || actor.kind === 'token' ? String(actor.id) : null;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: Actor;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
