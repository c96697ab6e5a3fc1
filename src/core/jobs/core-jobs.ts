import { purgeExpiredSessions } from '../auth/sessions.js';
import type { JobDefinition } from './scheduler.js';

export const coreJobs: JobDefinition[] = [
  {
    name: 'sessions.purge_expired',
    intervalSeconds: 3600,
    run: async (db, now) => `${await purgeExpiredSessions(db, now)} expired sessions removed`,
  },
];
