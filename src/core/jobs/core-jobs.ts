import { purgeExpiredSessions } from '../auth/index.js';
import { escalateOverdue, remindDueSoon } from '../cases/index.js';
import { failOrphanedImports } from '../data/index.js';
import type { JobDefinition } from './scheduler.js';

export const coreJobs: JobDefinition[] = [
  {
    name: 'sessions.purge_expired',
    intervalSeconds: 3600,
    run: async (db, now) => `${await purgeExpiredSessions(db, now)} expired sessions removed`,
  },
  {
    name: 'imports.fail_orphaned',
    intervalSeconds: 60,
    run: async (db) => `${await failOrphanedImports(db)} orphaned imports marked failed`,
  },
  {
    name: 'cases.escalate_overdue',
    intervalSeconds: 3600,
    run: async (db, now) => `${await escalateOverdue(db, now)} overdue cases escalated`,
  },
  {
    name: 'cases.remind_due',
    intervalSeconds: 3600,
    run: async (db, now) => `${await remindDueSoon(db, now)} reminders of deadlines`,
  },
];
