import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../core/access/index.js';
import { listAlerts } from '../../../core/alerts/index.js';
import { vnDate } from '../../../core/calendar/index.js';
import { ancestors } from '../../../core/org-units/index.js';
import { completeness, listRegimes } from '../../reporting/index.js';
import { cachedScorecard } from '../../scorecard/index.js';
import { mapUnit, unitOnDay } from './service.js';

/** Each active regime's completeness for the latest period due at a moment, over the units it expects at or below this one. */
async function reportsOf(db: Db, actor: Actor, unitId: number, now: Date) {
  const regimes = (await listRegimes(db)).filter((r) => r.active);
  const rows = await Promise.all(regimes.map((r) => completeness(db, actor, { regime: r.code, unitId }, now)));
  return rows.filter((c) => c.expected > 0).map((c) => ({
    regime: c.regime, period: c.period.code, dueDate: c.dueDate, expected: c.expected, submitted: c.submitted, onTime: c.onTime, missing: c.missing, rate: c.rate,
  }));
}

/**
 * One unit's page on a day: the unit as it stood, its ancestors for the breadcrumb, the units below it, its
 * Resolution 07 indicators with their last values and years, its reports' completeness and its active alerts (the caller's scope applies).
 */
export async function unitPage({ db, actor, id, date, now }: { db: Db; actor: Actor; id: number; date?: string; now: Date }) {
  const asOf = date ?? vnDate(now);
  const { unit, inForce } = await unitOnDay(db, actor, id, asOf, 'id');
  const [up, card, alerts, reports] = await Promise.all([
    ancestors(db, unit.id),
    cachedScorecard(db, { framework: 'NQ07', unitId: unit.id, asOf }),
    listAlerts({ db, actor, query: { state: 'active', unitId: unit.id, limit: 20 } }),
    // Completeness as it stood at the end of the day asked (the latest period due by then).
    reportsOf(db, actor, unit.id, asOf === vnDate(now) ? now : new Date(`${asOf}T16:59:59Z`)),
  ]);
  return {
    asOf,
    unit: { ...mapUnit(unit), validFrom: unit.validFrom, validTo: unit.validTo },
    ancestors: up.map(mapUnit),
    children: inForce.filter((u) => u.parentId === unit.id).map(mapUnit),
    indicators: card.pillars,
    alerts: alerts.alerts,
    alertCounts: alerts.counts,
    reports,
  };
}
