import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../core/access/index.js';
import { listAlerts } from '../../../core/alerts/index.js';
import { vnDate } from '../../../core/calendar/index.js';
import { ancestors } from '../../../core/org-units/index.js';
import { scorecard } from '../../scorecard/index.js';
import { mapUnit, unitOnDay } from './service.js';

/**
 * One unit's page on a day: the unit as it stood, its ancestors for the breadcrumb, the units below it, its
 * Resolution 07 indicators with their last values and years, and its active alerts (the caller's scope applies).
 */
export async function unitPage({ db, actor, id, date, now }: { db: Db; actor: Actor; id: number; date?: string; now: Date }) {
  const asOf = date ?? vnDate(now);
  const { unit, inForce } = await unitOnDay(db, actor, id, asOf, 'id');
  const [up, card, alerts] = await Promise.all([
    ancestors(db, unit.id),
    scorecard(db, { framework: 'NQ07', unitId: unit.id, asOf }),
    listAlerts({ db, actor, query: { state: 'active', unitId: unit.id, limit: 20 } }),
  ]);
  return {
    asOf,
    unit: { ...mapUnit(unit), validFrom: unit.validFrom, validTo: unit.validTo },
    ancestors: up.map(mapUnit),
    children: inForce.filter((u) => u.parentId === unit.id).map(mapUnit),
    indicators: card.pillars,
    alerts: alerts.alerts,
    alertCounts: alerts.counts,
  };
}
