import type { Db } from '../../../db/database.js';
import type { ValueType } from '../../../db/schema.js';
import { fillTemplate } from '../../../server/error-codes/index.js';
import { PERIOD_TYPE_VI, VALUE_FAULTS, type ValueFault } from '../../../server/messages.js';
import { type Actor, scopeUnitIds } from '../../access/index.js';
import { parsePeriod, PeriodError, type Period } from '../periods/index.js';

export interface ValueInput {
  element: string;
  /** The unit's id (a code names different units over time). */
  orgUnitId: number;
  period: string;
  coc?: string;
  value: string | number | boolean | null;
  comment?: string | null;
  followup?: boolean;
}

export interface RowProblem {
  row: number;
  field: string;
  code: ValueFault;
  /** The reason in Vietnamese and in English. */
  vi: string;
  en: string;
  value?: unknown;
}

type Problem = Omit<RowProblem, 'row'>;

/** A refused row: its field, the fault and the fault's words in both languages. */
export function valueProblem(field: string, code: ValueFault, value?: unknown, params: Record<string, string | number> = {}): Problem {
  const all = { ...(value !== undefined && value !== null ? { value: String(value).slice(0, 40) } : {}), ...params };
  return { field, code, vi: fillTemplate(VALUE_FAULTS[code].vi, all), en: fillTemplate(VALUE_FAULTS[code].en, all), ...(value !== undefined ? { value } : {}) };
}

/** The largest magnitude a numeric value may have: 10^15, beyond any count or amount (in đồng) a province keeps. */
export const MAX_MAGNITUDE = 1e15;

/** Parses a value as its element's type; returns the stored text and number, or the fault it is refused for. */
export function parseValue(type: ValueType, raw: string | number | boolean): { text: string; number: number | null } | { fault: ValueFault } {
  const text = String(raw).trim();
  switch (type) {
    case 'text':
      return text.length <= 50_000 ? { text, number: null } : { fault: 'text_too_long' };
    case 'boolean':
      if (['true', '1'].includes(text.toLowerCase())) return { text: 'true', number: 1 };
      if (['false', '0'].includes(text.toLowerCase())) return { text: 'false', number: 0 };
      return { fault: 'not_boolean' };
    default: {
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { fault: 'not_number' };
      const n = Number(text);
      if (!Number.isFinite(n)) return { fault: 'not_finite' };
      // Past this no count or amount of a province is real, and a sum of such values would overflow every aggregate.
      if (Math.abs(n) > MAX_MAGNITUDE) return { fault: 'out_of_range' };
      if (type === 'integer' && !Number.isInteger(n)) return { fault: 'not_integer' };
      if (type === 'percentage' && (n < 0 || n > 100)) return { fault: 'percentage_range' };
      return { text: String(n), number: n };
    }
  }
}

interface ElementInfo {
  id: number;
  code: string;
  value_type: ValueType;
  period_types: string[];
  combo_id: number;
  reported_by: string[] | null;
  computed: boolean;
}

interface UnitInfo {
  id: number;
  code: string;
  level: string;
  valid_from: string | null;
  valid_to: string | null;
}

const LEVEL_VI: Record<string, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã', department: 'sở, ngành' };

export interface Checked {
  input: ValueInput;
  element: ElementInfo;
  period: Period;
  cocId: number;
  text: string | null;
  number: number | null;
}

/**
 * Everything a value is checked against, loaded once: elements, disaggregations, units with their validity, and
 * the actor's scope. Both the row-by-row writer and the streaming importer check with it, row by row, in memory.
 */
export class ValueChecker {
  private constructor(
    private readonly elements: Map<string, ElementInfo>,
    private readonly cocs: Map<string, { id: number; code: string; combo_id: number }>,
    private readonly units: Map<number, UnitInfo>,
    private readonly unitsByCode: Map<string, UnitInfo[]>,
    private readonly scope: Set<number> | null,
    /** A person or another system enters values; the platform's own jobs write the figures it computes. */
    private readonly entering: boolean,
  ) {}

  static async load(db: Db, actor: Actor): Promise<ValueChecker> {
    // Inside a write's transaction the elements are locked as a foreign key would lock them: a change of an element's
    // value type (which locks it for update and reads its values again) then waits for this write, or this write
    // for it, and never lets values checked under the old type in under the new one.
    let elementQuery = db.selectFrom('data_element').select(['id', 'code', 'value_type', 'period_types', 'category_combo_id as combo_id', 'reported_by', 'computed']);
    if (db.isTransaction) elementQuery = elementQuery.forKeyShare();
    const elements = await elementQuery.execute();
    const cocs = await db.selectFrom('category_option_combo').select(['id', 'code', 'combo_id']).execute();
    const units = await db.selectFrom('org_unit').select(['id', 'code', 'level', 'valid_from', 'valid_to']).execute();
    const byCode = new Map<string, UnitInfo[]>();
    for (const u of units) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
    return new ValueChecker(
      new Map(elements.map((e) => [e.code, e])), new Map(cocs.map((c) => [c.code, c])), new Map(units.map((u) => [u.id, u])), byCode,
      await scopeUnitIds(db, actor), actor.kind === 'user' || actor.kind === 'token',
    );
  }

  /** Periods and unit codes already resolved: an import of a million rows names a few hundred of each. */
  private readonly periods = new Map<string, Period | PeriodError>();
  private readonly unitsAt = new Map<string, Map<string, number | undefined>>();

  private period(code: string): Period | PeriodError {
    let period = this.periods.get(code);
    if (!period) {
      try {
        period = parsePeriod(code);
      } catch (err) {
        period = err instanceof PeriodError ? err : new PeriodError('invalid period');
      }
      this.periods.set(code, period);
    }
    return period;
  }

  /** The unit that bore a code at the end of a period (a code names different units over time). */
  unitByCode(code: string, periodCode: string): number | undefined {
    let byPeriod = this.unitsAt.get(code);
    if (!byPeriod) this.unitsAt.set(code, (byPeriod = new Map()));
    if (byPeriod.has(periodCode)) return byPeriod.get(periodCode);
    const candidates = this.unitsByCode.get(code);
    const period = this.period(periodCode);
    const covers = (u: UnitInfo, from: string, to: string) => (!u.valid_from || u.valid_from <= to) && (!u.valid_to || u.valid_to >= from);
    const id = !candidates ? undefined : period instanceof PeriodError ? candidates[0]?.id
      : (candidates.find((u) => covers(u, period.end, period.end)) ?? candidates.find((u) => covers(u, period.start, period.end)))?.id;
    byPeriod.set(periodCode, id);
    return id;
  }

  check(input: ValueInput): Checked | Problem {
    const element = this.elements.get(input.element);
    if (!element) return valueProblem('dataElement', 'unknown_element', input.element);
    const period = this.period(input.period);
    if (period instanceof PeriodError) return valueProblem('period', 'not_period', input.period);
    if (!element.period_types.includes(period.type)) {
      return valueProblem('period', 'period_type', input.period, {
        element: element.code, types: element.period_types.join(', '), type: period.type,
        typesVi: element.period_types.map((t) => PERIOD_TYPE_VI[t] ?? t).join(', '), typeVi: PERIOD_TYPE_VI[period.type] ?? period.type,
      });
    }
    const unit = this.units.get(input.orgUnitId);
    if (!unit) return valueProblem('orgUnit', 'unknown_unit', input.orgUnitId);
    if ((unit.valid_from && period.end < unit.valid_from) || (unit.valid_to && period.start > unit.valid_to)) {
      return valueProblem('orgUnit', 'unit_not_in_force', input.orgUnitId, { period: period.code });
    }
    if (this.scope && !this.scope.has(input.orgUnitId)) return valueProblem('orgUnit', 'out_of_scope', input.orgUnitId);
    if (this.entering && element.computed) return valueProblem('dataElement', 'computed_element', input.element, { element: element.code });
    if (this.entering && element.reported_by && !element.reported_by.includes(unit.level)) {
      return valueProblem('orgUnit', 'level_not_reporting', input.orgUnitId, {
        element: element.code, levels: element.reported_by.join(', '), level: unit.level,
        levelsVi: element.reported_by.map((l) => LEVEL_VI[l] ?? l).join(', '), levelVi: LEVEL_VI[unit.level] ?? unit.level,
      });
    }
    const coc = this.cocs.get(input.coc ?? 'default');
    const comboMatches = coc && (coc.combo_id === element.combo_id || (coc.code === 'default' && !input.coc));
    if (!coc || !comboMatches) return valueProblem('categoryOptionCombo', 'not_disaggregation', input.coc, { element: element.code });
    if (input.comment && input.comment.length > 2000) return valueProblem('comment', 'comment_too_long');
    if (input.value === null || input.value === '') return { input, element, period, cocId: coc.id, text: null, number: null };
    const parsed = parseValue(element.value_type, input.value);
    if ('fault' in parsed) return valueProblem('value', parsed.fault, input.value);
    return { input, element, period, cocId: coc.id, text: parsed.text, number: parsed.number };
  }
}

export const isChecked = (x: Checked | Problem): x is Checked => 'element' in x;
