import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../db/database.js';
import { actorName, type Actor, scopeUnitIds } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { AppError } from '../../server/errors.js';
import { regimeByCode, regimePeriod } from './regimes.js';
import { loadWorkingCalendar, dayMonthYear as vnDay, vnDate } from '../../core/calendar/index.js';
import type { JobDefinition } from '../../core/jobs/index.js';
import { emailRows, insertNotifications, officersOf, userRows, type Notice } from '../../core/notify/index.js';
import { dueDate, watchedPeriods, type DeadlineRule, type ReportingPeriod } from './periods.js';
import { activeRegimes, insertReminder, type Regime } from './repo.js';
import { submittedUnits } from './report-repo.js';
import { waitingReports } from './completeness.js';
import { expectedUnits } from './units.js';
import { publishCompleteness } from './figures.js';
import { alertLateReports } from './alerts.js';


/** The expected units of a regime and period whose report is not submitted yet. */
export async function outstanding(db: Db, regime: Regime, period: ReportingPeriod) {
  const expected = await expectedUnits(db, regime, period);
  const submitted = await submittedUnits(db, regime.id, period.code);
  return expected.filter((u) => !submitted.has(u.id));
}

function reminderNotice(regime: Regime, period: ReportingPeriod, due: string, kind: 'due_soon' | 'overdue' | 'manual'): Notice {
  const text = {
    vi: `Nhắc báo cáo: ${regime.name_vi}, kỳ ${period.code} — ${kind === 'overdue' ? 'đã quá hạn' : 'hạn'} ${vnDay(due)}`,
    en: `Report reminder: ${regime.name_en}, period ${period.code} — ${kind === 'overdue' ? 'overdue since' : 'due'} ${vnDay(due)}`,
  };
  return {
    event: `report.${kind}`, subject: text, body: { vi: `${text.vi}.`, en: `${text.en}.` },
    payload: { regime: regime.code, period: period.code, dueDate: due, link: `/reports?regime=${regime.code}&period=${period.code}` },
  };
}

/** Tells the officers of each unit, in the app and by e-mail, that its report is due or late; records it once. */
async function remind(db: Db, regime: Regime, period: ReportingPeriod, due: string, units: { id: number }[], kind: 'due_soon' | 'overdue' | 'manual', by: string, now: Date): Promise<number> {
  let sent = 0;
  for (const unit of units) {
    if (!(await insertReminder(db, { regimeId: regime.id, unitId: unit.id, period: period.code, kind, at: now, by }))) continue;
    const officers = await officersOf(db, unit.id);
    const notice = reminderNotice(regime, period, due, kind);
    await insertNotifications(db, [...userRows(officers.map((o) => o.id), notice), ...emailRows(officers.map((o) => o.email), notice)]);
    sent++;
  }
  return sent;
}

/** One-click reminders from the completeness screen: to the given units (or every late and missing one). */
export async function remindNow(db: Db, actor: Actor, regime: Regime, period: ReportingPeriod, unitIds: number[] | undefined, now: Date) {
  const calendar = await loadWorkingCalendar(db);
  const due = dueDate(period, regime.deadline_rule as unknown as DeadlineRule, calendar);
  const late = await outstanding(db, regime, period);
  const chosen = unitIds ? late.filter((u) => unitIds.includes(u.id)) : late;
  return { reminded: await remind(db, regime, period, due, chosen, 'manual', actorName(actor), now) };
}

/**
 * The daily reminder job: for every active regime, the completeness of the period just closed and the running one is
 * written as data values; units whose report is due within two working days are reminded once, and units past the
 * deadline once more; each reviewer gets a digest of the reports waiting for its unit.
 */
export async function sendReportReminders(db: Db, now: Date): Promise<string> {
  const calendar = await loadWorkingCalendar(db);
  const today = vnDate(now);
  const soon = calendar.addWorkingDays(today, 2);
  let dueSoon = 0;
  let overdue = 0;
  const regimes = await activeRegimes(db, { electronic: true });
  for (const regime of regimes) {
    for (const { period, due } of watchedPeriods(regime, today, calendar)) {
      await publishCompleteness(db, regime, period);
      if (today > due) overdue += await remind(db, regime, period, due, await outstanding(db, regime, period), 'overdue', 'reminders', now);
      else if (soon >= due) dueSoon += await remind(db, regime, period, due, await outstanding(db, regime, period), 'due_soon', 'reminders', now);
    }
  }
  const digests = await reviewerDigests(db, now);
  return `${dueSoon} due-soon and ${overdue} overdue reminders, ${digests} reviewer digests`;
}

/** Each reviewer with submitted reports waiting for its unit gets one message a day listing them. */
async function reviewerDigests(db: Db, now: Date): Promise<number> {
  const counts = new Map<number, number>();
  for (const r of await waitingReports(db)) if (r.next !== null) counts.set(r.next, (counts.get(r.next) ?? 0) + 1);
  let sent = 0;
  for (const [unit, n] of counts) {
    // app_user belongs to core/users, whose index has no such read yet.
    const reviewers = await db.selectFrom('app_user').select(['id', 'email']).where('org_unit_id', '=', unit).where('role', '=', 'reviewer').where('active', '=', true).execute();
    const text = { vi: `${n} báo cáo đang chờ đơn vị xem xét, phê duyệt`, en: `${n} reports await your unit's review` };
    const notice: Notice = { event: 'report.digest', subject: text, body: text, payload: { link: '/reports/queue', waiting: n, day: vnDate(now) } };
    await insertNotifications(db, [...userRows(reviewers.map((r) => r.id), notice), ...emailRows(reviewers.map((r) => r.email), notice)]);
    sent += reviewers.length;
  }
  return sent;
}

export const reportingJobs: JobDefinition[] = [
  { name: 'reporting.reminders', intervalSeconds: 24 * 3600, run: (db, now) => sendReportReminders(db, now) },
  {
    name: 'reporting.alert_late',
    intervalSeconds: 3600,
    run: async (db, now) => {
      const { raised, cleared } = await alertLateReports(db, now);
      return `${raised} late-report alerts raised, ${cleared} cleared`;
    },
  },
];

export interface RemindUnitsOptions { db: Db; actor: Actor; input: { regime: string; period: string; unitIds?: number[] }; now: Date; request?: FastifyRequest }

/** One-click reminders to the units whose report is late or missing (all of the actor's, or those given), audited. */
export async function remindUnits({ db, actor, input, now, request }: RemindUnitsOptions) {
  const regime = await regimeByCode(db, input.regime);
  const scope = await scopeUnitIds(db, actor);
  const unitIds = input.unitIds ?? (scope ? [...scope] : undefined);
  if (scope && input.unitIds?.some((u) => !scope.has(u))) throw new AppError('out_of_scope', {}, 'unitIds');
  return inTransaction(db, async (trx) => {
    const result = await remindNow(trx, actor, regime, regimePeriod(regime, input.period), unitIds, now);
    await recordAudit(trx, actor, { action: 'report.remind', entity: 'report_regime', entityId: regime.id, after: { ...input, ...result } }, request);
    return result;
  });
}
