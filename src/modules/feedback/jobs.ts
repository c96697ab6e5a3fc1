import type { Db } from '../../db/database.js';
import { endedCasesWithContacts, ENDED_STATES, updateCaseData } from '../../core/cases/index.js';
import type { JobDefinition } from '../../core/jobs/index.js';
import { alertOverdueFeedback } from './alerts.js';
import { publishFeedbackFiguresLocked } from './live-figures.js';
import { KIND } from './policy.js';
import { setting } from './repo.js';

/**
 * Privacy: a configurable time after a case ends (closed, returned or merged), the reporter's and followers' contact
 * data are removed from it (setting feedback.contactRetentionDays, default 365), with an event on its timeline.
 */
export async function purgeContacts(db: Db, now: Date): Promise<number> {
  const configured = await setting(db, 'feedback.contactRetentionDays');
  const days = typeof configured === 'number' ? configured : 365;
  const ended = await endedCasesWithContacts(db, KIND, ENDED_STATES, new Date(now.getTime() - days * 86_400_000));
  for (const c of ended) {
    const { contact: _c, followers, ...rest } = c.data as { contact?: unknown; followers?: unknown[] };
    await updateCaseData({
      db, kind: KIND, id: c.id, now,
      data: { ...rest, contact: null, contactPurgedAt: now.toISOString(), followersPurged: followers?.length ?? 0 },
      event: { by: { kind: 'system', name: 'retention' }, action: 'contact_purged', internal: true, data: { retentionDays: days } },
    });
  }
  return ended.length;
}

export const feedbackJobs: JobDefinition[] = [
  {
    name: 'feedback.purge_contacts',
    intervalSeconds: 24 * 3600,
    run: async (db, now) => `${await purgeContacts(db, now)} cases' contact data removed`,
  },
  {
    name: 'feedback.publish_figures',
    // The figures follow the cases as they are written (live-figures.ts); this run catches what time alone changes
    // (overdue at month end) and anything a stopped process left unpublished.
    intervalSeconds: 3600,
    run: async (db, now) => `${await publishFeedbackFiguresLocked(db, now)} feedback figures written`,
  },
  {
    name: 'feedback.alert_overdue',
    intervalSeconds: 300,
    run: async (db, now) => {
      const { raised, cleared } = await alertOverdueFeedback(db, now);
      return `${raised} overdue-report alerts raised, ${cleared} cleared`;
    },
  },
];
