import type { Db } from '../../../db/database.js';
import type { Aggregation } from '../../../db/schema.js';
import { AppError } from '../../../server/errors.js';
import { unitCacheFor } from '../../org-units/index.js';
import { aggregateInProcess, sumInSql } from './compute.js';
import { readCached, readCocIds, readElements, storeAnswers, type CachedAnswer, type ElementRow } from './repo.js';
import type { Cell, IndicatorDefinition } from './cells.js';
import { evaluateFormula, parseFormula, references, type Reference } from '../indicators/index.js';
import type { Period } from '../periods/index.js';

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
      const elements = await readElements(this.db, codes);
      const cocs = await readCocIds(this.db, [...new Set(asked.flatMap((q) => (q.coc ? [q.coc] : [])))]);
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
      const allKeys = [...new Set(plans.flatMap((p) => ('error' in p || p.element.value_type === 'text' ? [] : p.keys)))];
      const hits = useCache ? await readCached(this.db, allKeys) : new Map<string, CachedAnswer>();
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
    hits: Map<string, CachedAnswer>,
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
      if (useCache) await storeAnswers(this.db, rows);
    }
    return keys.map((k) => answers.get(k) ?? null);
  }

  private async compute(element: { id: number; agg_units: Aggregation; agg_time: Aggregation }, cocId: number | undefined, cells: Cell[]): Promise<(number | null)[]> {
    const graph = await unitCacheFor(this.db).graph();
    const rollups = cells.map((c) => graph.rollup(c.unitId, c.period.end));
    if (element.agg_units === 'sum' && element.agg_time === 'sum' && this.options.sqlSums !== false) {
      const summed = await sumInSql(this.db, element.id, cocId, cells, rollups);
      if (summed) return summed;
    }
    return aggregateInProcess(this.db, element, cocId, cells, rollups);
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
