import { purgeExpiredSessions } from '../auth/index.js';
import { escalateOverdue, remindDueSoon } from '../cases/index.js';
import { failOrphanedImports } from '../data/index.js';
import { escalateAlerts } from '../alerts/index.js';
import { pruneLiveEvents } from '../live/index.js';
import type { JobDefinition } from './scheduler.js';

/** How long the live stream keeps its events for clients that reconnect. */
const LIVE_KEEP_MS = 24 * 3600_000;

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
  {
    name: 'alerts.escalate',
    intervalSeconds: 60,
    run: async (db, now) => `${await escalateAlerts(db, now)} unacknowledged alerts escalated`,
  },
  {
    name: 'live.prune',
    intervalSeconds: 3600,
    run: async (db, now) => `${await pruneLiveEvents(db, new Date(now.getTime() - LIVE_KEEP_MS))} live events older than a day removed`,
  },
];
