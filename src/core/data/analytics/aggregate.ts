import type { Aggregation } from '../../../db/schema.js';
import { PERIOD_RANK, type Period, type PeriodType } from '../periods/index.js';

export interface ValueRow {
  unitId: number;
  cocId: number;
  periodType: PeriodType;
  start: string;
  end: string;
  value: number;
}

function combine(rule: Aggregation, rows: { value: number; end: string }[]): number | null {
  if (rows.length === 0) return null;
  switch (rule) {
    case 'sum':
      return rows.reduce((s, r) => s + r.value, 0);
    case 'average':
      return rows.reduce((s, r) => s + r.value, 0) / rows.length;
    case 'min':
      return Math.min(...rows.map((r) => r.value));
    case 'max':
      return Math.max(...rows.map((r) => r.value));
    case 'last':
      return rows.reduce((a, b) => (b.end >= a.end ? b : a)).value;
    case 'none':
      return null;
  }
}

/**
 * Aggregates the values of one element inside one period, the way its rules say.
 * 1. Over time, per unit and disaggregation: a value stored for the period itself is used as it is; otherwise the
 *    values of the coarsest period type present inside it are combined by the time rule (so monthly and quarterly
 *    values of the same months are never counted twice). 'none' accepts only the period itself.
 * 2. Over disaggregations, per unit: summed for additive elements, otherwise by the unit rule.
 * 3. Over units: when the unit itself (or a unit merged into it) holds a value, that value is the answer, as
 *    reported; otherwise its descendants' values are combined by the unit rule. 'none' accepts only its own value.
 *    A rule that lets one value stand for all (average, min, max, last) answers only when `covers` accepts the units
 *    that hold values (see `coversUnits`): one ward's share of work files done online is not the city's.
 */
export function aggregate(
  rows: ValueRow[],
  rules: { units: Aggregation; time: Aggregation },
  period: Period,
  own: Set<number>,
  covers?: (reporting: number[]) => boolean,
): number | null {
  const byUnitCoc = new Map<string, ValueRow[]>();
  for (const r of rows) {
    if (r.start < period.start || r.end > period.end) continue;
    const key = `${r.unitId}:${r.cocId}`;
    byUnitCoc.set(key, [...(byUnitCoc.get(key) ?? []), r]);
  }
  const perUnit = new Map<number, { value: number; end: string }[]>();
  for (const group of byUnitCoc.values()) {
    const exact = group.filter((r) => r.start === period.start && r.end === period.end);
    let value: number | null;
    let end = period.end;
    if (exact.length) value = exact[0]!.value;
    else {
      const coarsest = group.reduce<PeriodType>((t, r) => (PERIOD_RANK[r.periodType] > PERIOD_RANK[t] ? r.periodType : t), 'day');
      const same = group.filter((r) => r.periodType === coarsest);
      value = combine(rules.time, same);
      end = same.reduce((e, r) => (r.end > e ? r.end : e), same[0]!.start);
    }
    if (value === null) continue;
    const unitId = group[0]!.unitId;
    perUnit.set(unitId, [...(perUnit.get(unitId) ?? []), { value, end }]);
  }
  const cocRule: Aggregation = rules.units === 'sum' || rules.units === 'none' ? 'sum' : rules.units;
  const unitValues = new Map<number, { value: number; end: string }>();
  for (const [unitId, parts] of perUnit) {
    const v = combine(cocRule, parts);
    if (v !== null) unitValues.set(unitId, { value: v, end: parts.reduce((e, p) => (p.end > e ? p.end : e), parts[0]!.end) });
  }
  const ownValues = [...unitValues].filter(([id]) => own.has(id)).map(([, v]) => v);
  if (ownValues.length) return combine(cocRule, ownValues);
  if (rules.units === 'none') return null;
  if (rules.units !== 'sum' && covers && !covers([...unitValues.keys()])) return null;
  return combine(rules.units, [...unitValues.values()]);
}

/** The share of a unit's reporting children that must hold a value for a non-additive figure of the unit. */
export const MIN_COVERAGE = 0.5;

/**
 * Whether the units holding values cover the unit: at least half of its children in force (departments counted only
 * when they hold a value), each child counting when it or a unit below it (or merged into one) holds a value.
 * `childOf` maps a contributing unit to the child of the unit it rolls up through (null for the unit's own values).
 */
export function coversUnits(children: { id: number; department: boolean }[], childOf: (unitId: number) => number | null) {
  return (reporting: number[]): boolean => {
    const holding = new Set(reporting.map(childOf).filter((c): c is number => c !== null));
    const counted = children.filter((c) => !c.department || holding.has(c.id));
    if (counted.length === 0) return true;
    const covered = counted.filter((c) => holding.has(c.id)).length;
    return covered >= Math.max(1, Math.ceil(counted.length * MIN_COVERAGE));
  };
}
