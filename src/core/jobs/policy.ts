import { ACCESS } from '../access/index.js';

/** What the platform runs on its own, and how it went, is for administrators. */
export const JOB_POLICY = { read: ACCESS.admins } as const;
