import type { Db } from '../../db/database.js';
import type { Aggregation } from '../../db/schema.js';
import { AppError } from '../../server/errors.js';
import { unitCacheFor } from '../org-units/cache.js';
import { aggregate, type ValueRow } from './aggregate.js';
import { evaluateFormula, parseFormula, references, type Reference } from './formula.js';
import type { Period } from './periods.js';

export interface IndicatorDefinition {
  code: string;
  numerator: string;
  denominator: string;
  factor: number;
}

/**
 * Values of elements and indicators for any unit and period, computed from the stored values by each element's
 * aggregation rules, on the hierarchy in force at the end of each period. Always read from the live tables, so an
 * answer is correct the moment a value changes.
 */
export class Analytics {
  constructor(private readonly db: Db) {}

  async elementSeries(elementCode: string, unitId: number, periods: Period[], cocCode?: string): Promise<(number | null)[]> {
    const element = await this.db
      .selectFrom('data_element')
      .select(['id', 'agg_units', 'agg_time', 'value_type'])
      .where('code', '=', elementCode)
      .executeTakeFirst();
    if (!element) throw new AppError('not_found', 404, {}, 'element');
    let cocId: number | undefined;
    if (cocCode) {
      const coc = await this.db.selectFrom('category_option_combo').select('id').where('code', '=', cocCode).executeTakeFirst();
      if (!coc) throw new AppError('not_found', 404, {}, 'coc');
      cocId = coc.id;
    }
    if (element.value_type === 'text' || periods.length === 0) return periods.map(() => null);
    const graph = await unitCacheFor(this.db).graph();
    const rollups = periods.map((p) => graph.rollup(unitId, p.end));
    const units = [...new Set(rollups.flatMap((r) => r.contributors))];
    if (units.length === 0) return periods.map(() => null);
    const from = periods.reduce((m, p) => (p.start < m ? p.start : m), periods[0]!.start);
    const to = periods.reduce((m, p) => (p.end > m ? p.end : m), periods[0]!.end);
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
    const rules = { units: element.agg_units as Aggregation, time: element.agg_time as Aggregation };
    return periods.map((period, i) => {
      const { contributors, own } = rollups[i]!;
      const mine = new Set(contributors);
      return aggregate(rows.filter((r) => mine.has(r.unitId)), rules, period, new Set(own));
    });
  }

  async indicatorSeries(indicator: IndicatorDefinition, unitId: number, periods: Period[]): Promise<(number | null)[]> {
    const numerator = parseFormula(indicator.numerator);
    const denominator = parseFormula(indicator.denominator);
    const refs = new Map<string, Reference>();
    for (const r of [...references(numerator), ...references(denominator)]) refs.set(refKey(r), r);
    const series = new Map<string, (number | null)[]>();
    for (const [key, ref] of refs) series.set(key, await this.elementSeries(ref.element, unitId, periods, ref.coc));
    return periods.map((_, i) => {
      const lookup = (r: Reference) => series.get(refKey(r))?.[i] ?? null;
      const n = evaluateFormula(numerator, lookup);
      const d = evaluateFormula(denominator, lookup);
      if (n === null || d === null || d === 0) return null;
      return (n / d) * indicator.factor;
    });
  }
}

const refKey = (r: Reference) => (r.coc ? `${r.element}.${r.coc}` : r.element);

