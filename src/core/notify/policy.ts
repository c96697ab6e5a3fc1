import { ACCESS, type Actor } from '../access/index.js';

/** Everyone reads and clears their own in-app notifications; administrators keep webhooks and watch deliveries. */
export const NOTIFY_POLICY = {
  inbox: ACCESS.signedIn,
  deliveries: ACCESS.admins,
  webhooks: ACCESS.admins,
} as const;

/** Whose inbox an actor reads: a person's own; a machine or the platform has none (id 0 matches no row). */
export const inboxOwner = (actor: Actor): number => (actor.kind === 'user' ? actor.id : 0);
