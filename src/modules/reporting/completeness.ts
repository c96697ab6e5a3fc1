import type { Db } from '../../db/database.js';
import { type Actor, scopeUnitIds } from '../../core/access/index.js';
import { loadWorkingCalendar, vnDate, type WorkingCalendar } from '../../core/calendar/index.js';
import { unitCacheFor, unitsBelow } from '../../core/org-units/index.js';
import { AppError } from '../../server/errors.js';
import { aggregationRules } from './data-reads.js';
import { itemKey } from './forms.js';
import { dueDate, periodsOfYear, type DeadlineRule, type ReportingPeriod } from './periods.js';
import { aggregate, chainIn, nextPeriodCode, submissionStatus } from './policy.js';
import { currentForm, regimeByCode, regimePeriod, type Regime } from './regimes.js';
import { approvedValues, countsByPeriod, reportsOfPeriod, submittedReports } from './report-repo.js';
import { expectedUnits, expectedUnitsOver } from './units.js';

async function assertUnitVisible(db: Db, actor: Actor, unitId: number | undefined) {
  const scope = await scopeUnitIds(db, actor);
  if (unitId && scope && !scope.has(unitId)) throw new AppError('out_of_scope', {}, 'unitId');
  return scope;
}

/**
 * The latest period of a regime whose deadline has come (due today or before): what a completeness screen opens on.
 * A period still running, or whose reports are not yet due, would show every unit as not reported.
 */
export function latestDuePeriod(regime: Regime, calendar: WorkingCalendar, today: string): ReportingPeriod {
  const rule = regime.deadline_rule as unknown as DeadlineRule;
  const year = Number(today.slice(0, 4));
  for (let y = year; y >= year - 3; y--) {
    const due = periodsOfYear(regime.frequency, y, regime.period_basis).reverse().find((p) => dueDate(p, rule, calendar) <= today);
    if (due) return due;
  }
  return periodsOfYear(regime.frequency, year, regime.period_basis)[0]!;
}

/**
 * Completeness and timeliness of a regime for a period (without one, the latest period due), for the units below a
 * unit: every expected unit with its report's state, submission and lateness, and the counts. Computed from the
 * reports themselves, so it is current the moment a report moves.
 */
export async function completeness(db: Db, actor: Actor, input: { regime: string; period?: string; unitId?: number }, now: Date) {
  const regime = await regimeByCode(db, input.regime);
  const calendar = await loadWorkingCalendar(db);
  const today = vnDate(now);
  const period = input.period === undefined ? latestDuePeriod(regime, calendar, today) : regimePeriod(regime, input.period);
  const scope = await assertUnitVisible(db, actor, input.unitId);
  const area = input.unitId === undefined ? null : unitsBelow(await unitCacheFor(db).inForce(period.end), input.unitId);
  const expected = (await expectedUnits(db, regime, period)).filter((u) => (!area || area.has(u.id)) && (!scope || scope.has(u.id)));
  const byUnit = new Map((await reportsOfPeriod(db, regime.id, period.code)).map((r) => [r.org_unit_id, r]));
  const due = dueDate(period, regime.deadline_rule as unknown as DeadlineRule, calendar);
  const rows = expected.map((u) => {
    const r = byUnit.get(u.id);
    const submittedOn = r?.first_submitted_at ? vnDate(r.first_submitted_at) : null;
    return { unitId: u.id, unit: u.name, parentId: u.parentId, reportId: r?.id ?? null, state: r?.state ?? null, submittedOn, status: submissionStatus(submittedOn, due, today), approvals: r?.approvals ?? [] };
  });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const submitted = count('on_time') + count('late');
  return {
    regime: { code: regime.code, nameVi: regime.name_vi, nameEn: regime.name_en }, period, dueDate: due,
    expected: rows.length, submitted, onTime: count('on_time'), late: count('late'), missing: count('missing'), pending: count('pending'),
    approved: rows.filter((r) => r.state === 'approved').length,
    rate: rows.length ? Math.round((submitted / rows.length) * 1000) / 10 : null,
    onTimeRate: rows.length ? Math.round((count('on_time') / rows.length) * 1000) / 10 : null,
    units: rows,
  };
}

/**
 * The consolidated report of a unit: the numbers of the approved reports below it (or its own), added up by each
 * element's rule over units (sum, average, min, max). Read from the reports, so it changes the moment one is approved.
 */
export async function consolidated(db: Db, actor: Actor, input: { regime: string; period: string; unitId: number }) {
  const regime = await regimeByCode(db, input.regime);
  const period = regimePeriod(regime, input.period);
  await assertUnitVisible(db, actor, input.unitId);
  const area = unitsBelow(await unitCacheFor(db).inForce(period.end), input.unitId);
  const form = await currentForm(db, regime.id);
  const items = form.definition.sections.flatMap((s) => (s.kind === 'data' ? s.items : []));
  const rule = await aggregationRules(db, items.map((i) => i.element));
  const approved = await approvedValues(db, regime.id, period.code, [...area]);
  const totals = items.map((item) => {
    const key = itemKey(item);
    const numbers = approved.map((r) => r.values[key]).filter((v): v is number => typeof v === 'number');
    const agg = rule.get(item.element) ?? 'sum';
    return { key, element: item.element, coc: item.coc ?? null, aggregation: agg, value: aggregate(agg, numbers), reports: numbers.length };
  });
  return { regime: regime.code, period, unitId: input.unitId, approvedReports: approved.length, totals };
}

/** Submitted reports with the unit whose approval each waits for (the first unit of its chain that has not approved). */
export async function waitingReports(db: Db) {
  const rows = await submittedReports(db);
  // Reports share few cut-off days: each day's hierarchy is read once.
  const hierarchies = new Map<string, Awaited<ReturnType<ReturnType<typeof unitCacheFor>['inForce']>>>();
  const out = [];
  for (const r of rows) {
    let units = hierarchies.get(r.periodEnd);
    if (!units) hierarchies.set(r.periodEnd, (units = await unitCacheFor(db).inForce(r.periodEnd)));
    const name = (id: number) => units!.find((u) => u.id === id)?.name ?? null;
    const next = chainIn(units, r.unitId).find((u) => !r.approvals.includes(u)) ?? null;
    out.push({ ...r, unit: name(r.unitId), next, nextApprover: next === null ? null : name(next) });
  }
  return out;
}

/** The reviewer's queue: what waits for the reviewer's unit (every unit for administrators). */
export async function reviewQueue(db: Db, actor: Actor) {
  const mine = actor.kind === 'user' && actor.role !== 'admin' ? actor.orgUnitId : null;
  return (await waitingReports(db)).filter((r) => mine === null || r.next === mine);
}

/**
 * Completeness of a regime period by period (the dashboard's trend): for each period from `from` to `to`, the units
 * expected (on the hierarchy of its cut-off), the reports submitted, on time and approved. One grouped read of the
 * reports; the expected units come from the in-memory hierarchy.
 */
export async function completenessHistory(db: Db, actor: Actor, input: { regime: string; from: string; to: string }) {
  const regime = await regimeByCode(db, input.regime);
  const first = regimePeriod(regime, input.from);
  const last = regimePeriod(regime, input.to);
  const scope = await scopeUnitIds(db, actor);
  const byPeriod = new Map((await countsByPeriod(db, regime.id, first.end, last.end, scope)).map((c) => [c.period, c]));
  const expectedOn = await expectedUnitsOver(db, regime);
  const out = [];
  for (let p = first; p.end <= last.end; p = regimePeriod(regime, nextPeriodCode(regime.frequency, p.code))) {
    const expected = expectedOn(p.end).filter((u) => !scope || scope.has(u.id)).length;
    const c = byPeriod.get(p.code);
    const submitted = Number(c?.submitted ?? 0);
    out.push({ period: p.code, end: p.end, expected, submitted, onTime: Number(c?.onTime ?? 0), approved: Number(c?.approved ?? 0), rate: expected ? Math.round((submitted / expected) * 1000) / 10 : null });
  }
  return out;
}
