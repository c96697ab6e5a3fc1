import { ACCESS, type Access, type Actor } from '../../core/access/index.js';
import type { Role } from '../../db/schema.js';

/**
 * Trap counts, salinity and published bulletins are figures about fields, never about a person: every signed-in
 * person reads them across the province, and the public reads published bulletins and the stations' map. Officers
 * enter counts and set crop stages for their own units; they draft bulletins for their units; a reviewer (or an
 * administrator) approves and publishes — never the one who drafted it. Subscriptions name people: officers of the
 * unit keep them.
 */
export const AGRONOMY_POLICY = {
  read: ACCESS.readers(),
  enter: ACCESS.writers(),
  draft: ACCESS.officers,
  approve: { roles: ['admin', 'reviewer'] as Role[] },
  subscriptions: ACCESS.officers,
  public: { public: true },
} as const satisfies Record<string, Access>;

const APPROVERS: Role[] = ['admin', 'reviewer'];

/**
 * Who may approve a bulletin: a reviewer or an administrator who neither drafted nor edited it (four eyes on what
 * farmers follow: a reviewer who rewrote an officer's windows may not approve them too).
 */
export function mayApprove(actor: Actor, editors: string[]): 'yes' | 'role' | 'own' {
  if (actor.kind !== 'user' || !APPROVERS.includes(actor.role)) return 'role';
  return editors.includes(actor.username) ? 'own' : 'yes';
}

export const BULLETIN_STATES = ['draft', 'approved', 'published'] as const;
export type BulletinState = (typeof BULLETIN_STATES)[number];

/** What may follow each state: a draft is edited and approved; an approved bulletin published, or sent back to draft. */
export const NEXT: Record<BulletinState, BulletinState[]> = { draft: ['approved'], approved: ['published', 'draft'], published: [] };

