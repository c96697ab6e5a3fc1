import { ACCESS } from '../access/index.js';

/**
 * The three levels of access to the data-value store that its sub-modules' routes use: reading figures (every user,
 * and tokens that read or exchange data), writing values (administrators and officers, within their units, and
 * exchange tokens), and keeping the catalogue (administrators). Unit scope is applied by the use cases.
 */
export const DATA_ACCESS = {
  read: ACCESS.readers(['read', 'data-exchange']),
  write: ACCESS.writers(['data-exchange']),
  catalogue: ACCESS.admins,
} as const;
