import { SYSTEM } from '../../core/access/index.js';
import { listAlerts, SEVERITIES, type AlertView } from '../../core/alerts/index.js';
import { VN_UTC_OFFSET_MS } from '../../core/calendar/index.js';
import { getById } from '../../core/org-units/index.js';
import type { Db } from '../../db/database.js';
import { feedbackCounts } from '../feedback/index.js';
import { fieldPanelData, fieldsWithPanels } from '../ioc/index.js';
import { lateReportList } from '../reporting/index.js';
import { scorecardUnit } from '../scorecard/index.js';
import { trend, type Period } from './policy.js';
import type { BriefingContent } from './schema.js';

type Severity = (typeof SEVERITIES)[number];
const DAY_MS = 86_400_000;
/** The first instant of a Việt Nam day. */
const dayStart = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - VN_UTC_OFFSET_MS);
const count = (current: number, previous: number) => ({ current, previous, trend: trend(current, previous) });
const bySeverity = (alerts: AlertView[]) => Object.fromEntries(SEVERITIES.map((s) => [s, alerts.filter((a) => a.severity === s).length])) as Record<Severity, number>;
/** Enough pages for any province's fortnight of alerts; past it a briefing counts what it read. */
const MAX_PAGES = 40;

/** Every alert matching a query, page by page (newest first). */
async function allAlerts(db: Db, query: { state: 'active' | 'all'; since?: Date }) {
  const out: AlertView[] = [];
  let before: number | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { alerts } = await listAlerts({ db, actor: SYSTEM, query: { ...query, limit: 500, before } });
    out.push(...alerts);
    if (alerts.length < 500) break;
    before = alerts.at(-1)!.id;
  }
  return out;
}

/** An active alert nobody acknowledged within its type's limit, or one already moved up the unit tree. */
const isOverdue = (a: AlertView, now: Date) =>
  a.escalationLevel > 0 || (a.state === 'open' && a.ackLimitMinutes !== null && a.raisedAt.getTime() + a.ackLimitMinutes * 60_000 < now.getTime());

async function alertPart(db: Db, period: Period, previous: Period, now: Date): Promise<BriefingContent['alerts']> {
  const within = (a: AlertView, p: Period) => a.raisedAt >= dayStart(p.start) && a.raisedAt.getTime() < dayStart(p.end).getTime() + DAY_MS;
  const [raised, active] = await Promise.all([allAlerts(db, { state: 'all', since: dayStart(previous.start) }), allAlerts(db, { state: 'active' })]);
  const current = raised.filter((a) => within(a, period));
  const overdue = active.filter((a) => isOverdue(a, now));
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  return {
    raised: count(current.length, raised.filter((a) => within(a, previous)).length),
    raisedBySeverity: bySeverity(current),
    active: bySeverity(active),
    overdue: overdue.length,
    overdueList: overdue.sort((a, b) => rank(a.severity) - rank(b.severity) || a.raisedAt.getTime() - b.raisedAt.getTime()).slice(0, 10)
      .map((a) => ({ id: a.id, severity: a.severity, title: a.title, unit: a.unit?.name ?? null, raisedAt: a.raisedAt.toISOString() })),
  };
}

/** The headline figures of each IOC field (its number and trend panels) at the period's end, against the period before. */
async function figurePart(db: Db, period: Period, now: Date): Promise<BriefingContent['figures']> {
  const fields = (await fieldsWithPanels(db)).filter((f) => f.panels.some((p) => p.kind === 'number' || p.kind === 'trend'));
  const out: BriefingContent['figures'] = [];
  for (const field of fields) {
    const data = await fieldPanelData({ db, actor: SYSTEM, code: field.code, query: { date: period.end }, now });
    for (const panel of field.panels) {
      const figures = data.panels.find((p) => p.panelId === panel.id);
      if (!figures || (panel.kind !== 'number' && panel.kind !== 'trend')) continue;
      out.push({
        field: field.code, fieldName: { vi: field.nameVi, en: field.nameEn }, title: { vi: panel.titleVi, en: panel.titleEn },
        period: figures.period, value: figures.value, previous: figures.previous, trend: trend(figures.value, figures.previous), breach: figures.status === 'breach',
      });
    }
  }
  return out;
}

async function feedbackPart(db: Db, period: Period, previous: Period, madeOn: string): Promise<BriefingContent['feedback']> {
  const { periods: [now, before], late } = await feedbackCounts(db, { periods: [period, previous], lateOn: madeOn });
  return {
    received: count(now!.received, before!.received), answered: count(now!.answered, before!.answered),
    answeredOnTime: count(now!.answeredOnTime, before!.answeredOnTime), late,
  };
}

async function reportPart(db: Db, now: Date): Promise<BriefingContent['reports']> {
  const late = (await lateReportList(db, now)).map((r) => ({ regime: r.regime, name: { vi: r.nameVi, en: r.nameEn }, period: r.period, dueDate: r.dueDate, late: r.late.length }));
  return { late, lateUnits: late.reduce((sum, r) => sum + r.late, 0) };
}

/**
 * What changed in the province over a period, read through each module's public surface: the fields' headline
 * figures against the period before, alerts new and overdue, feedback received, answered and late, reports late.
 */
export async function composeBriefing(db: Db, options: { period: Period; previous: Period; madeOn: string; now: Date }): Promise<BriefingContent> {
  const { period, previous, madeOn, now } = options;
  const unitId = await scorecardUnit(db, { asOf: period.end });
  const unit = await getById(db, unitId);
  const [figures, alerts, feedback, reports] = await Promise.all([
    figurePart(db, period, now), alertPart(db, period, previous, now), feedbackPart(db, period, previous, madeOn), reportPart(db, now),
  ]);
  return { unit: { id: unitId, name: unit?.name ?? '' }, period, previous, figures, alerts, feedback, reports };
}
