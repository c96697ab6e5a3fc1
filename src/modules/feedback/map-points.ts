import type { Db } from '../../db/database.js';
import { scopeUnitIds, type Actor } from '../../core/access/index.js';
import { CASE_STATES, ENDED_STATES, searchCases } from '../../core/cases/index.js';
import { KIND } from './policy.js';

const OPEN_STATES = CASE_STATES.filter((s) => !ENDED_STATES.includes(s));

/**
 * The open feedback cases with a point, of the actor's units, for the operations centre's map: the tracking code,
 * category, state, unit, point and due date only — never the reporter, the description or an officer's name.
 */
export async function openCasePoints({ db, actor, limit = 500 }: { db: Db; actor: Actor; limit?: number }) {
  const scope = await scopeUnitIds(db, actor);
  const rows = await searchCases(db, { kind: KIND, scope, states: OPEN_STATES, located: true, limit });
  return rows.map((r) => ({
    trackingCode: r.trackingCode, category: r.category, state: r.state, unitId: r.unitId, lat: r.lat!, lon: r.lon!, dueDate: r.dueDate,
  }));
}
