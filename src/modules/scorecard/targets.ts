import type { Db } from '../../db/database.js';
import { getById as getUnit, unitCacheFor } from '../../core/org-units/index.js';
import { targetRows } from './repo.js';

/** A target, and the unit it was set for when it is a predecessor's (a successor without targets of its own). */
export interface Target { year: number; value: number; source: string | null; fromUnit: { id: number; name: string } | null }

async function rowsOf(db: Db, indicatorIds: number[], unitId: number, fromUnit: Target['fromUnit']) {
  const map = new Map<number, Target[]>();
  for (const r of await targetRows(db, indicatorIds, unitId)) {
    map.set(r.indicator_id, [...(map.get(r.indicator_id) ?? []), { year: r.year, value: r.value, source: r.source, fromUnit }]);
  }
  return map;
}

/**
 * The targets of each indicator for a unit: its own; for an indicator it has none of, those of the units it
 * succeeded (Thành phố Cần Thơ carries Tỉnh Sóc Trăng's Resolution 07 targets until it sets its own), each saying
 * whose they are. Among several predecessors with targets, the one with the most targets of these indicators.
 */
export async function targetsOf(db: Db, indicatorIds: number[], unitId: number, asOf: string): Promise<Map<number, Target[]>> {
  if (!indicatorIds.length) return new Map();
  const own = await rowsOf(db, indicatorIds, unitId, null);
  if (own.size === indicatorIds.length) return own;
  const graph = await unitCacheFor(db).graph();
  const predecessors = graph.rollup(unitId, asOf).own.filter((id) => id !== unitId);
  const inherited: Map<number, Target[]>[] = [];
  for (const id of predecessors) {
    const unit = await getUnit(db, id);
    if (unit) inherited.push(await rowsOf(db, indicatorIds, id, { id, name: unit.name }));
  }
  inherited.sort((a, b) => b.size - a.size);
  for (const indicatorId of indicatorIds) {
    if (own.has(indicatorId)) continue;
    const found = inherited.find((m) => m.has(indicatorId));
    if (found) own.set(indicatorId, found.get(indicatorId)!);
  }
  return own;
}

/**
 * The target a value of `year` is judged against: the first target year not before it. Once every target year has
 * passed there is none, rather than an earlier year's target (a 2026 figure is not judged against the 2025 target).
 */
export const targetFor = (targets: Target[], year: number): Target | null => targets.find((t) => t.year >= year) ?? null;
