import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Aggregation } from '../../../db/schema.js';
import { unitCacheFor, type Rollup } from '../../org-units/index.js';
import { aggregate, coversUnits, type ValueRow } from './aggregate.js';
import type { Cell } from './cells.js';

// The two ways a cell's value is computed from the stored values, once the cache has no answer for it.

/**
 * Additive elements (sum over units and over time) are summed by the database in one query over every
 * (cell, contributing unit) pair, applying the same rules as the general path: a cell with values of the unit itself
 * (or of units merged into it) answers those; otherwise the sum of its contributors. When one unit holds values of
 * two period types inside a cell (months and a quarter, say), it returns null and the general path answers.
 */
export async function sumInSql(db: Db, elementId: number, cocId: number | undefined, cells: Cell[], rollups: Rollup[]): Promise<(number | null)[] | null> {
  // (cell, contributing unit) pairs: year cells read the year totals (migration 0019), other cells the values.
  const pairs = { values: { i: [] as number[], u: [] as number[], own: [] as boolean[], s: [] as string[], e: [] as string[] }, years: { i: [] as number[], u: [] as number[], own: [] as boolean[], y: [] as number[] } };
  rollups.forEach((r, i) => {
    const mine = new Set(r.own);
    const period = cells[i]!.period;
    for (const u of r.contributors) {
      if (period.type === 'year') {
        pairs.years.i.push(i);
        pairs.years.u.push(u);
        pairs.years.own.push(mine.has(u));
        pairs.years.y.push(Number(period.start.slice(0, 4)));
      } else {
        pairs.values.i.push(i);
        pairs.values.u.push(u);
        pairs.values.own.push(mine.has(u));
        pairs.values.s.push(period.start);
        pairs.values.e.push(period.end);
      }
    }
  });
  const out: (number | null)[] = cells.map(() => null);
  if (!pairs.values.i.length && !pairs.years.i.length) return out;
  const { values: v, years: y } = pairs;
  const coc = (alias: string) => (cocId !== undefined ? sql`AND ${sql.ref(`${alias}.coc_id`)} = ${cocId}` : sql``);
  const rows = await sql<{ i: number; mixed: boolean; own_total: number | null; own_n: number; total: number | null }>`
    SELECT i, bool_or(types > 1) AS mixed, sum(total) FILTER (WHERE own) AS own_total, count(*) FILTER (WHERE own)::int AS own_n, sum(total) AS total
    FROM (
      SELECT m.i, m.u, m.own, v.coc_id, count(DISTINCT v.period_type) AS types, sum(v.numeric_value::numeric) AS total
      FROM unnest(${v.i}::int[], ${v.u}::bigint[], ${v.own}::boolean[], ${v.s}::date[], ${v.e}::date[]) AS m(i, u, own, s, e)
      -- One index range read per (cell, unit), which is what a dashboard's few cells need; left to itself the planner
      -- may scan the whole table in parallel, whose start-up alone costs more than the reads.
      CROSS JOIN LATERAL (
        SELECT v.coc_id, v.period_type, v.numeric_value FROM data_value v
        WHERE v.element_id = ${elementId} AND v.org_unit_id = m.u AND v.start_date >= m.s AND v.start_date <= m.e AND v.end_date <= m.e
          AND NOT v.deleted AND v.numeric_value IS NOT NULL ${coc('v')}
        OFFSET 0 -- keeps the subquery from being flattened into a join the planner may turn into a scan
      ) v
      GROUP BY m.i, m.u, m.own, v.coc_id
      UNION ALL
      -- A year total per period type: two rows for one (unit, disaggregation) mean two period types in the year.
      SELECT m.i, m.u, m.own, t.coc_id, count(*) AS types, sum(t.total) AS total
      FROM unnest(${y.i}::int[], ${y.u}::bigint[], ${y.own}::boolean[], ${y.y}::int[]) AS m(i, u, own, y)
      CROSS JOIN LATERAL (
        SELECT t.coc_id, t.total FROM data_value_year_total t
        WHERE t.element_id = ${elementId} AND t.org_unit_id = m.u AND t.year = m.y AND t.n > 0 ${coc('t')}
        OFFSET 0
      ) t
      GROUP BY m.i, m.u, m.own, t.coc_id
    ) AS per_unit
    GROUP BY i`.execute(db);
  for (const r of rows.rows) {
    if (r.mixed) return null;
    const answer = r.own_n > 0 ? r.own_total : r.total;
    out[r.i] = answer === null ? null : Number(answer);
  }
  return out;
}

type Covers = (reporting: number[]) => boolean;

/** For each cell, whether the units holding values cover its unit (aggregate.ts, `coversUnits`). */
async function coverageOf(db: Db, cells: Cell[], rollups: Rollup[]): Promise<Covers[]> {
  const cache = unitCacheFor(db);
  const graph = await cache.graph();
  const levels = new Map<string, Map<number, string>>();
  return Promise.all(cells.map(async (cell, i) => {
    const { asOf } = rollups[i]!;
    let level = levels.get(asOf);
    if (!level) levels.set(asOf, (level = new Map((await cache.inForce(asOf)).map((u) => [u.id, u.level]))));
    const children = graph.childrenOn(cell.unitId, asOf).map((id) => ({ id, department: level.get(id) === 'department' }));
    const childOf = (unitId: number): number | null => {
      let at = graph.representative(unitId, asOf);
      for (let steps = 0; at !== null && steps < 16; steps++) {
        const parent = graph.node(at)?.parentId ?? null;
        if (parent === cell.unitId) return at;
        at = parent;
      }
      return null;
    };
    return coversUnits(children, childOf);
  }));
}

/** Reads the stored values the cells need in one query and aggregates each cell by the element's rules. */
export async function aggregateInProcess(db: Db, element: { id: number; agg_units: Aggregation; agg_time: Aggregation }, cocId: number | undefined, cells: Cell[], rollups: Rollup[]): Promise<(number | null)[]> {
  const units = [...new Set(rollups.flatMap((r) => r.contributors))];
  if (units.length === 0) return cells.map(() => null);
  const from = cells.reduce((m, c) => (c.period.start < m ? c.period.start : m), cells[0]!.period.start);
  const to = cells.reduce((m, c) => (c.period.end > m ? c.period.end : m), cells[0]!.period.end);
  let q = db
    .selectFrom('data_value')
    .select(['org_unit_id as unitId', 'coc_id as cocId', 'period_type as periodType', 'start_date as start', 'end_date as end', 'numeric_value as value'])
    .where('element_id', '=', element.id)
    .where('deleted', '=', false)
    .where('org_unit_id', 'in', units)
    .where('start_date', '>=', from)
    .where('end_date', '<=', to)
    .where('numeric_value', 'is not', null);
  if (cocId !== undefined) q = q.where('coc_id', '=', cocId);
  const rows = (await q.execute()) as ValueRow[];
  const byUnit = new Map<number, ValueRow[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  const rules = { units: element.agg_units, time: element.agg_time };
  const covers = rules.units === 'sum' || rules.units === 'none' ? [] : await coverageOf(db, cells, rollups);
  return cells.map((cell, i) => {
    const { contributors, own } = rollups[i]!;
    const mine = contributors.flatMap((u) => byUnit.get(u) ?? []);
    return aggregate(mine, rules, cell.period, new Set(own), covers[i]);
  });
}
