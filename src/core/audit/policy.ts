import { ACCESS } from '../access/index.js';

/** The log holds who did what to whom, personal data included: administrators alone read it. */
export const AUDIT_POLICY = { read: ACCESS.admins } as const;
