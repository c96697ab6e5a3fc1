import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Aggregation } from '../../../db/schema.js';
import { AppError } from '../../../server/errors.js';
import { unitCacheFor, type Rollup } from '../../org-units/index.js';
import { aggregate, type ValueRow } from './aggregate.js';
import { evaluateFormula, parseFormula, references, type Reference } from '../indicators/index.js';
import type { Period } from '../periods/index.js';

export interface IndicatorDefinition {
  code: string;
  numerator: string;
  denominator: string;
  factor: number;
}

export interface Cell {
  unitId: number;
  period: Period;
}

/**
 * Values of elements and indicators for any unit and period, computed from the stored values by each element's
 * aggregation rules, on the hierarchy in force at the end of each period.
 *
 * Answers are cached in analytics_cache under the data version of the years the cell's period covers (the largest
 * of the element's per-year versions) and the unit-structure version (parents, validity and reorganisations, not
 * names: migration 0019), both read before the data: an answer computed
 * while a write commits is stored under the older version and never served, so a cached answer is always the answer
 * the live tables give (migrations 0004 and 0017). A value written for one year leaves the other years' answers valid.
 */
interface Asked {
  code: string;
  coc?: string;
  cells: Cell[];
  resolve(values: (number | null)[]): void;
  reject(err: unknown): void;
}

const cellKey = (c: Cell) => `${c.unitId}|${c.period.code}`;

type ElementRow = { id: number; code: string; agg_units: Aggregation; agg_time: Aggregation; value_type: string; unit_version: number; versions: [number, number][] };
type Plan = { q: Asked; element: ElementRow; cocId: number | undefined; cellVersion: (cell: Cell) => number; keys: string[]; unitVersion: number };

export class Analytics {
  /** Questions asked in the same turn of the event loop, answered together (a scorecard asks for 60 elements at once). */
  private asked: Asked[] = [];

  constructor(private readonly db: Db, private readonly options: { cache?: boolean; sqlSums?: boolean } = {}) {}

  elementValues(elementCode: string, cells: Cell[], cocCode?: string): Promise<(number | null)[]> {
    return new Promise((resolve, reject) => {
      this.asked.push({ code: elementCode, coc: cocCode, cells, resolve, reject });
      if (this.asked.length === 1) setImmediate(() => void this.answerAsked());
    });
  }

  /**
   * Answers every waiting question with one read of the elements (with the versions their answers are cached under,
   * read before the data — see the class comment), one of the disaggregations and one of the cache; what the cache
   * lacks is computed per question.
   */
  private async answerAsked(): Promise<void> {
    const waiting = this.asked;
    this.asked = [];
    // Questions about the same element and disaggregation (an element that two indicators share) become one, over the
    // union of their cells: from an empty cache each answer is computed once.
    const groups = new Map<string, Asked[]>();
    for (const q of waiting) {
      const key = `${q.code}|${q.coc ?? ''}`;
      const group = groups.get(key);
      if (group) group.push(q);
      else groups.set(key, [q]);
    }
    const asked = [...groups.values()].map((group): Asked => {
      if (group.length === 1) return group[0]!;
      const cells = [...new Map(group.flatMap((q) => q.cells).map((c) => [cellKey(c), c])).values()];
      return {
        code: group[0]!.code, coc: group[0]!.coc, cells,
        resolve: (values) => {
          const byCell = new Map(cells.map((c, i) => [cellKey(c), values[i] ?? null]));
          for (const q of group) q.resolve(q.cells.map((c) => byCell.get(cellKey(c)) ?? null));
        },
        reject: (err) => group.forEach((q) => q.reject(err)),
      };
    });
    try {
      const codes = [...new Set(asked.map((q) => q.code))];
      const elements = new Map((await sql<ElementRow>`
        SELECT e.id, e.code, e.agg_units, e.agg_time, e.value_type, coalesce((SELECT structure_version FROM org_unit_version), 0) AS unit_version,
          coalesce((SELECT json_agg(json_build_array(v.year, v.version)) FROM data_value_year_version v WHERE v.element_id = e.id), '[]'::json) AS versions
        FROM data_element e WHERE e.code = ANY(${codes}::text[])`.execute(this.db)).rows.map((e) => [e.code, e]));
      const cocCodes = [...new Set(asked.flatMap((q) => (q.coc ? [q.coc] : [])))];
      const cocs = new Map(cocCodes.length ? (await this.db.selectFrom('category_option_combo').select(['id', 'code']).where('code', 'in', cocCodes).execute()).map((c) => [c.code, c.id]) : []);
      const useCache = this.options.cache !== false;
      const plans = asked.map((q): Plan | { q: Asked; error: AppError } => {
        const element = elements.get(q.code);
        if (!element) return { q, error: new AppError('not_found', {}, 'element') };
        const cocId = q.coc ? cocs.get(q.coc) : undefined;
        if (q.coc && cocId === undefined) return { q, error: new AppError('not_found', {}, 'coc') };
        const cellVersion = versionOfCells(element.versions.map(([year, version]) => ({ year, version })));
        const keys = q.cells.map((c) => `${element.id}|${cocId ?? '*'}|${c.unitId}|${c.period.code}`);
        return { q, element, cocId, cellVersion, keys, unitVersion: Number(element.unit_version) };
      });
      const hits = new Map<string, { value: number | null; data_version: number; unit_version: number }>();
      const allKeys = [...new Set(plans.flatMap((p) => ('error' in p || p.element.value_type === 'text' ? [] : p.keys)))];
      if (useCache && allKeys.length) {
        for (const h of await this.db.selectFrom('analytics_cache').select(['key', 'value', 'data_version', 'unit_version']).where('key', 'in', allKeys).execute()) {
          hits.set(h.key, { value: h.value, data_version: Number(h.data_version), unit_version: Number(h.unit_version) });
        }
      }
      await Promise.all(plans.map(async (plan) => {
        if ('error' in plan) return plan.q.reject(plan.error);
        try {
          plan.q.resolve(await this.answerOne(plan, hits, useCache));
        } catch (err) {
          plan.q.reject(err);
        }
      }));
    } catch (err) {
      for (const q of asked) q.reject(err);
    }
  }

  private async answerOne(
    plan: Plan,
    hits: Map<string, { value: number | null; data_version: number; unit_version: number }>,
    useCache: boolean,
  ): Promise<(number | null)[]> {
    const { q, element, cocId, cellVersion, keys, unitVersion } = plan;
    if (element.value_type === 'text' || q.cells.length === 0) return q.cells.map(() => null);
    const answers = new Map<string, number | null>();
    q.cells.forEach((c, i) => {
      const hit = hits.get(keys[i]!);
      if (hit && hit.unit_version === unitVersion && hit.data_version === cellVersion(c)) answers.set(keys[i]!, hit.value);
    });
    const missing = q.cells.filter((_, i) => !answers.has(keys[i]!));
    if (missing.length) {
      const computed = await this.compute(element, cocId, missing);
      const rows = missing.map((c, i) => ({
        key: `${element.id}|${cocId ?? '*'}|${c.unitId}|${c.period.code}`, element_id: element.id, data_version: cellVersion(c),
        unit_version: unitVersion, value: computed[i] ?? null,
      }));
      for (const r of rows) answers.set(r.key, r.value);
      if (useCache) {
        // In key order: concurrent readers storing overlapping answers then lock them in the same order (no deadlock).
        const unique = [...new Map(rows.map((r) => [r.key, r])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        for (let i = 0; i < unique.length; i += 500) {
          await this.db
            .insertInto('analytics_cache')
            .values(unique.slice(i, i + 500))
            .onConflict((oc) => oc.column('key').doUpdateSet({
              value: sql`excluded.value`, data_version: sql`excluded.data_version`, unit_version: sql`excluded.unit_version`, computed_at: sql`now()`,
            }))
            .execute();
        }
      }
    }
    return keys.map((k) => answers.get(k) ?? null);
  }

  private async compute(element: { id: number; agg_units: Aggregation; agg_time: Aggregation }, cocId: number | undefined, cells: Cell[]): Promise<(number | null)[]> {
    const graph = await unitCacheFor(this.db).graph();
    const rollups = cells.map((c) => graph.rollup(c.unitId, c.period.end));
    if (element.agg_units === 'sum' && element.agg_time === 'sum' && this.options.sqlSums !== false) {
      const summed = await this.sumInSql(element.id, cocId, cells, rollups);
      if (summed) return summed;
    }
    return this.aggregateInProcess(element, cocId, cells, rollups);
  }

  /**
   * Additive elements (sum over units and over time) are summed by the database in one query over every
   * (cell, contributing unit) pair, applying the same rules as the general path: a cell with values of the unit itself
   * (or of units merged into it) answers those; otherwise the sum of its contributors. When one unit holds values of
   * two period types inside a cell (months and a quarter, say), it returns null and the general path answers.
   */
  private async sumInSql(elementId: number, cocId: number | undefined, cells: Cell[], rollups: Rollup[]): Promise<(number | null)[] | null> {
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
      GROUP BY i`.execute(this.db);
    for (const r of rows.rows) {
      if (r.mixed) return null;
      const answer = r.own_n > 0 ? r.own_total : r.total;
      out[r.i] = answer === null ? null : Number(answer);
    }
    return out;
  }

  /** Reads the stored values the cells need in one query and aggregates each cell by the element's rules. */
  private async aggregateInProcess(element: { id: number; agg_units: Aggregation; agg_time: Aggregation }, cocId: number | undefined, cells: Cell[], rollups: Rollup[]): Promise<(number | null)[]> {
    const units = [...new Set(rollups.flatMap((r) => r.contributors))];
    if (units.length === 0) return cells.map(() => null);
    const from = cells.reduce((m, c) => (c.period.start < m ? c.period.start : m), cells[0]!.period.start);
    const to = cells.reduce((m, c) => (c.period.end > m ? c.period.end : m), cells[0]!.period.end);
    let q = this.db
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
    return cells.map((cell, i) => {
      const { contributors, own } = rollups[i]!;
      const mine = contributors.flatMap((u) => byUnit.get(u) ?? []);
      return aggregate(mine, rules, cell.period, new Set(own));
    });
  }

  elementSeries(elementCode: string, unitId: number, periods: Period[], cocCode?: string): Promise<(number | null)[]> {
    return this.elementValues(elementCode, periods.map((period) => ({ unitId, period })), cocCode);
  }

  async indicatorValues(indicator: IndicatorDefinition, cells: Cell[]): Promise<(number | null)[]> {
    const numerator = parseFormula(indicator.numerator);
    const denominator = parseFormula(indicator.denominator);
    const refs = new Map<string, Reference>();
    for (const r of [...references(numerator), ...references(denominator)]) refs.set(refKey(r), r);
    const values = new Map<string, (number | null)[]>();
    // Asked together, so that they are answered together.
    const answered = await Promise.all([...refs.values()].map((ref) => this.elementValues(ref.element, cells, ref.coc)));
    [...refs.keys()].forEach((key, k) => values.set(key, answered[k]!));
    return cells.map((_, i) => {
      const lookup = (r: Reference) => values.get(refKey(r))?.[i] ?? null;
      const n = evaluateFormula(numerator, lookup);
      const d = evaluateFormula(denominator, lookup);
      if (n === null || d === null || d === 0) return null;
      return (n / d) * indicator.factor;
    });
  }

  indicatorSeries(indicator: IndicatorDefinition, unitId: number, periods: Period[]): Promise<(number | null)[]> {
    return this.indicatorValues(indicator, periods.map((period) => ({ unitId, period })));
  }
}

/** The data version of a cell: the largest version among the years its period covers (0 where nothing was written). */
function versionOfCells(rows: { year: number; version: number }[]): (cell: Cell) => number {
  const byYear = new Map(rows.map((r) => [Number(r.year), Number(r.version)]));
  return (cell) => {
    let version = 0;
    for (let y = Number(cell.period.start.slice(0, 4)); y <= Number(cell.period.end.slice(0, 4)); y++) version = Math.max(version, byYear.get(y) ?? 0);
    return version;
  };
}

const refKey = (r: Reference) => (r.coc ? `${r.element}.${r.coc}` : r.element);
