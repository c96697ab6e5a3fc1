import { syncAlerts } from '../../core/alerts/index.js';
import { dayMonthYear, vnDate } from '../../core/calendar/index.js';
import { casesPastDeadline, HANDLING_STATES } from '../../core/cases/index.js';
import type { Db } from '../../db/database.js';
import { KIND } from './policy.js';

const SOURCE = 'feedback.overdue';

/**
 * One alert per citizen report still being handled past its deadline, to the unit that holds it (and, by the
 * alert's escalation, above it); the alert clears itself when the report is answered or closed. Repeated runs
 * change nothing while nothing changed.
 */
export async function alertOverdueFeedback(db: Db, now: Date, log?: (message: string) => void): Promise<{ raised: number; cleared: number }> {
  const today = vnDate(now);
  const overdue = await casesPastDeadline(db, KIND, HANDLING_STATES, today);
  const wanted = new Map(overdue.map((c) => [`case:${c.id}`, {
    type: 'FEEDBACK_OVERDUE',
    title: { vi: `Phản ánh ${c.tracking_code} quá hạn xử lý (hạn ${dayMonthYear(c.due_date)})`, en: `Report ${c.tracking_code} past its deadline (due ${dayMonthYear(c.due_date)})` },
    unitId: c.unit_id ?? c.place_unit_id ?? undefined,
    location: c.lat !== null && c.lon !== null ? { lat: c.lat, lon: c.lon } : undefined,
    externalId: c.tracking_code,
    evidence: { caseId: c.id, trackingCode: c.tracking_code, category: c.category_code, dueDate: c.due_date, link: `/feedback?ma=${c.tracking_code}` },
  }]));
  return syncAlerts({
    db, source: SOURCE, keyPrefix: 'case:', wanted, now,
    clearNote: 'Phản ánh đã được trả lời hoặc kết thúc / The report was answered or ended',
    onRefused: (key, err) => log?.(`${key}: ${err.code}`),
  });
}
