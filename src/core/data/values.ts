import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../db/database.js';
import type { SourceKind, ValueType } from '../../db/schema.js';
import { AppError } from '../../server/errors.js';
import type { Actor } from '../access/actor.js';
import { actorName } from '../access/actor.js';
import { scopeUnitIds } from '../access/scope.js';
import { recordAudit } from '../audit/audit.js';
import { parsePeriod, PeriodError, type Period } from './periods.js';

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

const OUTSIDE_SCOPE = 'outside your units';

export interface RowProblem {
  row: number;
  field: string;
  reason: string;
  value?: unknown;
}

export interface WriteSummary {
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
  problems: RowProblem[];
}

/** Parses a value as its element's type; returns the stored text and number, or the reason it is refused. */
export function parseValue(type: ValueType, raw: string | number | boolean): { text: string; number: number | null } | { reason: string } {
  const text = String(raw).trim();
  switch (type) {
    case 'text':
      return text.length <= 50_000 ? { text, number: null } : { reason: 'text longer than 50,000 characters' };
    case 'boolean':
      if (['true', '1'].includes(text.toLowerCase())) return { text: 'true', number: 1 };
      if (['false', '0'].includes(text.toLowerCase())) return { text: 'false', number: 0 };
      return { reason: 'not a boolean (true/false)' };
    default: {
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { reason: `not a number: "${text.slice(0, 40)}"` };
      const n = Number(text);
      if (!Number.isFinite(n)) return { reason: 'not a finite number' };
      if (type === 'integer' && !Number.isInteger(n)) return { reason: `not an integer: ${text}` };
      if (type === 'percentage' && (n < 0 || n > 100)) return { reason: `a percentage must lie between 0 and 100: ${text}` };
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
}

interface UnitInfo {
  id: number;
  code: string;
  valid_from: string | null;
  valid_to: string | null;
}

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
  ) {}

  static async load(db: Db, actor: Actor): Promise<ValueChecker> {
    const elements = await db.selectFrom('data_element').select(['id', 'code', 'value_type', 'period_types', 'category_combo_id as combo_id']).execute();
    const cocs = await db.selectFrom('category_option_combo').select(['id', 'code', 'combo_id']).execute();
    const units = await db.selectFrom('org_unit').select(['id', 'code', 'valid_from', 'valid_to']).execute();
    const byCode = new Map<string, UnitInfo[]>();
    for (const u of units) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
    return new ValueChecker(
      new Map(elements.map((e) => [e.code, e])), new Map(cocs.map((c) => [c.code, c])), new Map(units.map((u) => [u.id, u])), byCode,
      await scopeUnitIds(db, actor),
    );
  }

  /** Periods and unit codes already resolved: an import of a million rows names a few hundred of each. */
  private readonly periods = new Map<string, Period | PeriodError>();
  private readonly unitsAt = new Map<string, number | undefined>();

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
    const key = `${code}\u0000${periodCode}`;
    if (this.unitsAt.has(key)) return this.unitsAt.get(key);
    const candidates = this.unitsByCode.get(code);
    const period = this.period(periodCode);
    const covers = (u: UnitInfo, from: string, to: string) => (!u.valid_from || u.valid_from <= to) && (!u.valid_to || u.valid_to >= from);
    const id = !candidates ? undefined : period instanceof PeriodError ? candidates[0]?.id
      : (candidates.find((u) => covers(u, period.end, period.end)) ?? candidates.find((u) => covers(u, period.start, period.end)))?.id;
    this.unitsAt.set(key, id);
    return id;
  }

  check(input: ValueInput): Checked | Omit<RowProblem, 'row'> {
    const problem = (field: string, reason: string, value?: unknown) => ({ field, reason, ...(value !== undefined ? { value } : {}) });
    const element = this.elements.get(input.element);
    if (!element) return problem('dataElement', 'unknown data element', input.element);
    const period = this.period(input.period);
    if (period instanceof PeriodError) return problem('period', period.message, input.period);
    if (!element.period_types.includes(period.type)) {
      return problem('period', `${element.code} accepts ${element.period_types.join(', ')} periods, not ${period.type}`, input.period);
    }
    const unit = this.units.get(input.orgUnitId);
    if (!unit) return problem('orgUnit', 'unknown unit', input.orgUnitId);
    if ((unit.valid_from && period.end < unit.valid_from) || (unit.valid_to && period.start > unit.valid_to)) {
      return problem('orgUnit', `the unit was not in force during ${period.code}`, input.orgUnitId);
    }
    if (this.scope && !this.scope.has(input.orgUnitId)) return problem('orgUnit', OUTSIDE_SCOPE, input.orgUnitId);
    const coc = this.cocs.get(input.coc ?? 'default');
    const comboMatches = coc && (coc.combo_id === element.combo_id || (coc.code === 'default' && !input.coc));
    if (!coc || !comboMatches) return problem('categoryOptionCombo', `not a disaggregation of ${element.code}`, input.coc);
    if (input.comment && input.comment.length > 2000) return problem('comment', 'comment longer than 2,000 characters');
    if (input.value === null || input.value === '') return { input, element, period, cocId: coc.id, text: null, number: null };
    const parsed = parseValue(element.value_type, input.value);
    if ('reason' in parsed) return problem('value', parsed.reason, input.value);
    return { input, element, period, cocId: coc.id, text: parsed.text, number: parsed.number };
  }
}

export const isChecked = (x: Checked | Omit<RowProblem, 'row'>): x is Checked => 'element' in x;

/** Checks every row before anything is written, and returns the rows ready to write and every problem found. */
export async function checkValues(db: Db, actor: Actor, inputs: ValueInput[]): Promise<{ ok: Checked[]; problems: RowProblem[] }> {
  const checker = await ValueChecker.load(db, actor);
  const ok: Checked[] = [];
  const problems: RowProblem[] = [];
  inputs.forEach((input, row) => {
    const result = checker.check(input);
    if (isChecked(result)) ok.push(result);
    else problems.push({ row, ...result });
  });
  return { ok, problems };
}

/**
 * Writes values in one transaction, all or nothing: with any problem nothing is written and every problem is
 * returned (dryRun checks and counts without writing). A null value deletes (softly); history keeps every change.
 */
export async function writeValues(
  db: Db,
  actor: Actor,
  inputs: ValueInput[],
  source: { kind: SourceKind; ref?: string | null },
  options: { dryRun?: boolean; request?: FastifyRequest } = {},
): Promise<WriteSummary> {
  const { ok, problems } = await checkValues(db, actor, inputs);
  const summary: WriteSummary = { imported: 0, updated: 0, ignored: 0, deleted: 0, problems };
  if (problems.length) return summary;
  const who = actorName(actor);
  const keyOf = (r: Checked) => `${r.element.id}|${r.input.orgUnitId}|${r.period.code}|${r.cocId}`;
  /** One attempt; false when another transaction created one of the same values meanwhile (then try again). */
  const attempt = async (trx: Db): Promise<boolean> => {
    Object.assign(summary, { imported: 0, updated: 0, ignored: 0, deleted: 0 });
    // The rows already stored, all read (and locked) at once.
    const keys = ok.map((r) => ({ element_id: r.element.id, org_unit_id: r.input.orgUnitId, start_date: r.period.start, end_date: r.period.end, coc_id: r.cocId }));
    const found = keys.length ? (await sql<{ id: number; element_id: number; org_unit_id: number; period: string; coc_id: number; value: string; deleted: boolean; comment: string | null; followup: boolean }>`
      SELECT d.id, d.element_id, d.org_unit_id, d.period, d.coc_id, d.value, d.deleted, d.comment, d.followup
      FROM data_value d JOIN jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(element_id bigint, org_unit_id bigint, start_date date, end_date date, coc_id bigint)
        ON d.element_id = k.element_id AND d.org_unit_id = k.org_unit_id AND d.start_date = k.start_date AND d.end_date = k.end_date AND d.coc_id = k.coc_id
      ORDER BY d.id FOR UPDATE OF d`.execute(trx)).rows : [];
    type Stored = { id: number | null; value: string | null; deleted: boolean; comment: string | null; followup: boolean };
    const state = new Map<string, Stored>(found.map((f) => [`${f.element_id}|${f.org_unit_id}|${f.period}|${f.coc_id}`, f]));
    const now = new Date();
    type Fields = { value: string; numeric_value: number | null; stored_by: string; source_kind: SourceKind; source_ref: string | null; comment?: string | null; followup?: boolean; updated_at: Date; deleted: boolean };
    const updates = new Map<number, Partial<Fields>>();
    const creates = new Map<string, { row: Checked; fields: Fields }>();
    const history: { key: string; id: number | null; change: string; old_value: string | null; new_value: string | null; comment: string | null }[] = [];
    for (const row of ok) {
      const key = keyOf(row);
      const existing = state.get(key);
      const note = row.input.comment ?? null;
      if (row.text === null) {
        if (!existing || existing.deleted) {
          summary.ignored++;
          continue;
        }
        summary.deleted++;
        history.push({ key, id: existing.id, change: 'delete', old_value: existing.value, new_value: null, comment: note });
        state.set(key, { ...existing, deleted: true });
        if (existing.id !== null) updates.set(existing.id, { ...updates.get(existing.id), deleted: true, updated_at: now, stored_by: who });
        else creates.get(key)!.fields.deleted = true;
        continue;
      }
      const comment = row.input.comment === undefined ? undefined : row.input.comment;
      const followup = row.input.followup;
      if (existing && !existing.deleted && existing.value === row.text && (comment === undefined || comment === existing.comment) && (followup === undefined || followup === existing.followup)) {
        summary.ignored++;
        continue;
      }
      const fields: Fields = {
        value: row.text, numeric_value: row.number, stored_by: who, source_kind: source.kind, source_ref: source.ref ?? null,
        ...(comment !== undefined ? { comment } : {}), ...(followup !== undefined ? { followup } : {}), updated_at: now, deleted: false,
      };
      if (existing) {
        history.push({ key, id: existing.id, change: existing.deleted ? 'restore' : 'update', old_value: existing.deleted ? null : existing.value, new_value: row.text, comment: note });
        if (existing.id !== null) updates.set(existing.id, { ...updates.get(existing.id), ...fields });
        else Object.assign(creates.get(key)!.fields, fields);
        summary.updated++;
      } else {
        history.push({ key, id: null, change: 'create', old_value: null, new_value: row.text, comment: note });
        creates.set(key, { row, fields });
        summary.imported++;
      }
      state.set(key, { id: existing?.id ?? null, value: row.text, deleted: false, comment: comment ?? existing?.comment ?? null, followup: followup ?? existing?.followup ?? false });
    }
    if (options.dryRun) return true;
    // The new rows first, in a savepoint: a value another transaction has just created makes this attempt start over.
    const ids = new Map<string, number>();
    if (creates.size) {
      await sql`SAVEPOINT data_value_insert`.execute(trx);
      try {
        const created = await trx.insertInto('data_value').values([...creates.values()].map(({ row, fields }) => ({
          element_id: row.element.id, org_unit_id: row.input.orgUnitId, period: row.period.code, period_type: row.period.type,
          start_date: row.period.start, end_date: row.period.end, coc_id: row.cocId, ...fields,
        }))).returning(['id', 'element_id', 'org_unit_id', 'period', 'coc_id']).execute();
        for (const c of created) ids.set(`${c.element_id}|${c.org_unit_id}|${c.period}|${c.coc_id}`, c.id);
        await sql`RELEASE SAVEPOINT data_value_insert`.execute(trx);
      } catch (err) {
        if ((err as { code?: string }).code !== '23505') throw err;
        await sql`ROLLBACK TO SAVEPOINT data_value_insert`.execute(trx);
        return false;
      }
    }
    for (const [id, fields] of updates) await trx.updateTable('data_value').set(fields).where('id', '=', id).execute();
    if (history.length) {
      await trx.insertInto('data_value_history').values(history.map((h) => ({
        data_value_id: h.id ?? ids.get(h.key)!, changed_by: who, source_kind: source.kind, source_ref: source.ref ?? null,
        change: h.change as 'create', old_value: h.old_value, new_value: h.new_value, comment: h.comment,
      }))).execute();
    }
    if (summary.imported + summary.updated + summary.deleted > 0) {
      await recordAudit(trx, actor, {
        action: 'data_value.write', entity: 'data_value',
        after: { source: source.kind, ref: source.ref ?? null, imported: summary.imported, updated: summary.updated, deleted: summary.deleted },
      }, options.request);
    }
    return true;
  };
  const write = async (trx: Db) => {
    for (let tries = 0; tries < 5; tries++) if (await attempt(trx)) return;
    throw new Error('data values kept being created concurrently; try again');
  };
  if (options.dryRun) await write(db);
  else await inTransaction(db, write);
  return summary;
}

/** Raises the all-or-nothing failure of a write as one 400 that lists every bad row. */
export function assertNoProblems(summary: WriteSummary): void {
  if (!summary.problems.length) return;
  const outside = summary.problems.find((p) => p.reason === OUTSIDE_SCOPE);
  if (outside) throw new AppError('out_of_scope', 403, {}, `values.${outside.row}.orgUnitId`, {}, summary.problems);
  const first = summary.problems[0]!;
  throw new AppError('validation_failed', 400, { detail: `row ${first.row + 1}, ${first.field}: ${first.reason}` }, `values.${first.row}.${first.field}`, {}, summary.problems);
}
