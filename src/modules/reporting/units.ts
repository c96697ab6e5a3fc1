import type { Db } from '../../db/database.js';
import { unitCacheFor } from '../../core/org-units/index.js';
import type { ReportingPeriod } from './periods.js';
import { chainIn } from './policy.js';
import type { Regime } from './repo.js';

// The units a regime concerns: those that report, and those that approve.

export interface ReportingUnit { id: number; name: string; parentId: number | null; level: string }

/**
 * The units that must report under a regime, on any date: its list, or every unit of its level (and type, when it
 * names one) in force on the date. One read of the candidates, then a filter per date (a 10-year trend asks for 120 dates).
 */
export async function expectedUnitsOver(db: Db, regime: Regime): Promise<(date: string) => ReportingUnit[]> {
  let q = db.selectFrom('org_unit').select(['id', 'name', 'parent_id as parentId', 'level', 'valid_from as validFrom', 'valid_to as validTo']).orderBy('code');
  q = regime.reporting_unit_ids.length ? q.where('id', 'in', regime.reporting_unit_ids) : q.where('level', '=', regime.reporting_level!);
  if (regime.reporting_unit_type) q = q.where('type', '=', regime.reporting_unit_type);
  const rows = await q.execute();
  return (date) => rows.filter((u) => (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date))
    .map(({ id, name, parentId, level }) => ({ id, name, parentId, level }));
}

/** The units that must report under a regime for a period: those expected on its cut-off day. */
export async function expectedUnits(db: Db, regime: Regime, period: ReportingPeriod): Promise<ReportingUnit[]> {
  return (await expectedUnitsOver(db, regime))(period.end);
}

/**
 * Who approves a unit's report, lowest first: its ancestors on the hierarchy in force at the cut-off, up to the
 * province (a commune of 2024: its district, then the province; a ward of 2025: the city).
 */
export async function approvalChain(db: Db, unitId: number, cutoff: string): Promise<number[]> {
  return chainIn(await unitCacheFor(db).inForce(cutoff), unitId);
}

export { chainIn };
