import { ACCESS } from '../access/index.js';

/**
 * Every signed-in person may look people up — administrators and leaders everyone, officers and reviewers the users
 * of their units (applied by the use case) — and administrators alone create, change, unlock and set passwords.
 */
export const USER_POLICY = {
  read: ACCESS.signedIn,
  manage: ACCESS.admins,
} as const;
