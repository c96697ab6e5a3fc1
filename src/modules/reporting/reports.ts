import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import type { ReportState } from '../../db/schema.js';
import { actorName, type Actor, scopeUnitIds } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { loadWorkingCalendar, vnDate } from '../../core/calendar/index.js';
import { assertNoProblems, writeValues, type ValueInput } from '../../core/data/index.js';
import { unitCacheFor } from '../../core/org-units/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { checkReport, itemKey, outlierHints, type Finding, type FormDefinition } from './forms.js';
import { dueDate, type DeadlineRule } from './periods.js';
import { publishCompleteness } from './figures.js';
import { listAttachments } from './attachments.js';
import { approvalChain, chainIn, currentForm, expectedUnits, expectedUnitsOver, formById, regimeByCode, regimePeriod, type Regime } from './regimes.js';

/**
 * The life of a report:
 *   draft ─submit→ submitted ─approve (each level of the chain)→ … ─approve (province)→ approved
 *                      └─return (with comments)→ returned ─submit→ submitted
 *   approved ─unlock (with a reason)→ returned
 * A report can be edited only as a draft or when returned; approval locks it.
 */
export type ReportAction = 'submit' | 'approve' | 'return' | 'unlock';
const EDITABLE: ReportState[] = ['draft', 'returned'];

interface Loaded {
  id: number; regime_id: number; form_id: number; org_unit_id: number; period: string; period_start: string; period_end: string; due_date: string;
  state: ReportState; approvals: number[]; values: Record<string, number | null>; narrative: Record<string, string>; revision: number;
  submitted_at: Date | null; first_submitted_at: Date | null; approved_at: Date | null;
}

/** A unit and every unit below it, on one day's hierarchy. */
function unitsBelow(units: { id: number; parentId: number | null }[], root: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out = new Set([root]);
  for (const id of out) for (const child of children.get(id) ?? []) out.add(child);
  return out;
}

async function inScope(db: Db, actor: Actor, unitId: number): Promise<boolean> {
  const scope = await scopeUnitIds(db, actor);
  return !scope || scope.has(unitId);
}

async function event(db: Db, reportId: number, actor: Actor, e: { action: string; from?: ReportState | null; to?: ReportState | null; unitId?: number | null; note?: string | null; data?: Record<string, unknown> }, at: Date) {
  await db.insertInto('report_event').values({
    report_id: reportId, at, actor_kind: actor.kind, actor_name: actorName(actor), action: e.action, from_state: e.from ?? null, to_state: e.to ?? null,
    unit_id: e.unitId ?? null, note: e.note ?? null, data: JSON.stringify(e.data ?? {}),
  }).execute();
}

/** The report of a unit for a regime and period, created as a draft on the regime's current form when missing. */
export async function openReport(db: Db, actor: Actor, input: { regime: string; unitId: number; period: string }, now: Date, request?: FastifyRequest) {
  const regime = await regimeByCode(db, input.regime);
  const period = regimePeriod(regime, input.period);
  if (!(await inScope(db, actor, input.unitId))) throw new AppError('out_of_scope', {}, 'unitId');
  const expected = await expectedUnits(db, regime, period);
  if (!expected.some((u) => u.id === input.unitId)) throw new AppError('unit_not_expected', {}, 'unitId');
  const existing = await db.selectFrom('report').select('id').where('regime_id', '=', regime.id).where('org_unit_id', '=', input.unitId).where('period', '=', period.code).executeTakeFirst();
  if (existing) return existing.id;
  const calendar = await loadWorkingCalendar(db);
  const due = dueDate(period, regime.deadline_rule as unknown as DeadlineRule, calendar);
  const form = await currentForm(db, regime.id);
  return inTransaction(db, async (trx) => {
    const row = await trx.insertInto('report').values({
      regime_id: regime.id, form_id: form.id, org_unit_id: input.unitId, period: period.code, period_start: period.start, period_end: period.end, due_date: due, state: 'draft',
    }).onConflict((oc) => oc.columns(['regime_id', 'org_unit_id', 'period']).doNothing()).returning('id').executeTakeFirst();
    if (!row) return (await trx.selectFrom('report').select('id').where('regime_id', '=', regime.id).where('org_unit_id', '=', input.unitId).where('period', '=', period.code).executeTakeFirstOrThrow()).id;
    await event(trx, row.id, actor, { action: 'create', to: 'draft', data: { formVersion: form.version, dueDate: due } }, now);
    await recordAudit(trx, actor, { action: 'report.create', entity: 'report', entityId: row.id, after: { ...input, formVersion: form.version } }, request);
    return row.id;
  });
}

async function load(db: Db, id: number, lock = false): Promise<Loaded> {
  let q = db.selectFrom('report').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) throw notFound('id');
  return r as unknown as Loaded;
}

/** Values of the unit's earlier reports under the regime, per item: the history outlier hints compare against. */
async function history(db: Db, r: Loaded): Promise<Record<string, number[]>> {
  const rows = await db.selectFrom('report').select('values').where('regime_id', '=', r.regime_id).where('org_unit_id', '=', r.org_unit_id)
    .where('period', '<', r.period).where('state', 'in', ['submitted', 'approved']).orderBy('period', 'desc').limit(12).execute();
  const out: Record<string, number[]> = {};
  for (const row of rows) for (const [k, v] of Object.entries(row.values)) if (typeof v === 'number') (out[k] ??= []).push(v);
  return out;
}

export async function findings(db: Db, r: Loaded, form: FormDefinition): Promise<Finding[]> {
  return [...checkReport(form, r.values, r.narrative), ...outlierHints(r.values, await history(db, r))];
}

/** A report with its regime, form, findings, approval chain and timeline, for anyone whose units include it. */
export async function reportView(db: Db, actor: Actor, id: number) {
  const r = await load(db, id);
  const period = { code: r.period, start: r.period_start, end: r.period_end };
  const units = await unitCacheFor(db).inForce(r.period_end);
  const chain = chainIn(units, r.org_unit_id);
  const scope = await scopeUnitIds(db, actor);
  if (scope && !scope.has(r.org_unit_id) && !chain.some((u) => scope.has(u))) throw new AppError('out_of_scope', {}, 'id');
  const regime = await db.selectFrom('report_regime').selectAll().where('id', '=', r.regime_id).executeTakeFirstOrThrow();
  const form = await formById(db, r.form_id);
  const name = (u: number) => units.find((x) => x.id === u)?.name ?? String(u);
  const timeline = await db.selectFrom('report_event').selectAll().where('report_id', '=', id).orderBy('id').execute();
  const codes = form.definition.sections.flatMap((s) => (s.kind === 'data' ? s.items.map((i) => i.element) : []));
  const elements = codes.length ? await db.selectFrom('data_element').select(['code', 'name_vi as nameVi', 'name_en as nameEn', 'unit_of_measure as unit', 'value_type as valueType']).where('code', 'in', codes).execute() : [];
  const cocCodes = form.definition.sections.flatMap((s) => (s.kind === 'data' ? s.items.flatMap((i) => (i.coc ? [i.coc] : [])) : []));
  const cocs = cocCodes.length ? await db.selectFrom('category_option_combo').select(['code', 'name_vi as nameVi', 'name_en as nameEn']).where('code', 'in', cocCodes).execute() : [];
  return {
    elements: Object.fromEntries(elements.map((e) => [e.code, e])),
    cocs: Object.fromEntries(cocs.map((c) => [c.code, c])),
    attachments: await listAttachments(db, id),
    id: r.id, regime: { code: regime.code, nameVi: regime.name_vi, nameEn: regime.name_en, demo: regime.demo, frequency: regime.frequency },
    form: { version: form.version, definition: form.definition }, unit: { id: r.org_unit_id, name: name(r.org_unit_id) },
    period, dueDate: r.due_date, state: r.state, values: r.values, narrative: r.narrative, revision: r.revision,
    submittedAt: r.submitted_at, approvedAt: r.approved_at,
    chain: chain.map((u) => ({ id: u, name: name(u), approved: r.approvals.includes(u) })),
    findings: await findings(db, r, form.definition), timeline,
  };
}

export const ZDraft = z.object({
  values: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)?$/), z.number().finite().nullable()).default({}),
  narrative: z.record(z.string().regex(/^[A-Z0-9_]{1,40}$/), z.string().max(100_000)).default({}),
  /** The revision the editor started from: a save over a newer one is refused, so no edit is silently lost. */
  revision: z.number().int().positive(),
}).strict();

/** Saves a draft (autosave): only while editable, only by the reporting unit, only over the revision it read. */
export async function saveDraft(db: Db, actor: Actor, id: number, input: z.infer<typeof ZDraft>, now: Date, via: 'form' | 'upload' = 'form') {
  return inTransaction(db, async (trx) => {
    const r = await load(trx, id, true);
    if (!(await inScope(trx, actor, r.org_unit_id))) throw new AppError('out_of_scope', {}, 'id');
    if (!EDITABLE.includes(r.state)) throw new AppError('report_locked', { state: r.state }, 'id');
    if (input.revision !== r.revision) throw new AppError('report_conflict', { revision: r.revision }, 'revision', { details: [{ revision: r.revision }] });
    const form = await formById(trx, r.form_id);
    const known = new Set(form.definition.sections.flatMap((s) => (s.kind === 'data' ? s.items.map(itemKey) : [])));
    const unknown = Object.keys(input.values).find((k) => !known.has(k));
    if (unknown) throw new AppError('item_not_on_form', { item: unknown }, `values.${unknown}`);
    const values = { ...r.values, ...input.values };
    const narrative = { ...r.narrative, ...input.narrative };
    await trx.updateTable('report').set({ values: JSON.stringify(values), narrative: JSON.stringify(narrative), revision: r.revision + 1, updated_at: now }).where('id', '=', id).execute();
    // Autosaves are too many for the timeline; a workbook loaded is one step worth showing.
    if (via === 'upload') await event(trx, id, actor, { action: 'upload', data: { values: Object.keys(input.values).length } }, now);
    return { id, revision: r.revision + 1, findings: await findings(trx, { ...r, values, narrative }, form.definition) };
  });
}

/**
 * One step of the workflow. Submit: by the reporting unit, refused while the form has errors. Approve: by the next
 * unit of the chain (a level approves only when the reports of the units below it are approved up to it); the
 * province's approval locks the report and writes its numbers into the data-value store. Return: by the next
 * approver, with comments. Unlock: by the province, with a reason.
 */
export async function actOnReport(db: Db, actor: Actor, id: number, input: { action: ReportAction; note?: string }, now: Date, request?: FastifyRequest) {
  if ((input.action === 'return' || input.action === 'unlock') && !input.note?.trim()) {
    throw new AppError('field_required_for_action', { action: input.action, field: 'note' }, 'note');
  }
  return inTransaction(db, async (trx) => {
    const r = await load(trx, id, true);
    const chain = await approvalChain(trx, r.org_unit_id, r.period_end);
    const scope = await scopeUnitIds(trx, actor);
    const refuse = () => new AppError('transition_refused', { action: input.action, state: r.state }, 'action');
    const next = chain.find((u) => !r.approvals.includes(u)) ?? null;
    /** The actor works for the unit: an officer of it or above (administrators for every unit). */
    const actsFor = (unit: number) => !scope || scope.has(unit);
    const actorUnit = actor.kind === 'user' ? actor.orgUnitId : actor.kind === 'token' ? actor.orgUnitId : null;
    let to: ReportState = r.state;
    const set: Record<string, unknown> = { updated_at: now };
    let approvals = r.approvals;
    switch (input.action) {
      case 'submit': {
        if (!EDITABLE.includes(r.state)) throw refuse();
        if (!actsFor(r.org_unit_id)) throw new AppError('out_of_scope', {}, 'id');
        const form = await formById(trx, r.form_id);
        const errors = checkReport(form.definition, r.values, r.narrative).filter((f) => f.severity === 'error');
        if (errors.length) throw new AppError('report_invalid', { count: errors.length }, errors[0]!.field, { details: errors });
        to = 'submitted';
        Object.assign(set, { submitted_at: now, first_submitted_at: r.first_submitted_at ?? now });
        break;
      }
      case 'approve': {
        if (r.state !== 'submitted' || next === null) throw refuse();
        // The approver is the next unit of the chain: its own officers, or an administrator acting for it.
        if (!(actor.kind === 'user' && actor.role === 'admin') && actorUnit !== next) throw new AppError('out_of_scope', {}, 'id');
        const pending = await pendingBelow(trx, r, next);
        if (pending.length) throw new AppError('children_not_approved', { count: pending.length }, 'id', { details: pending });
        approvals = [...r.approvals, next];
        set.approvals = JSON.stringify(approvals);
        if (approvals.length === chain.length) {
          to = 'approved';
          set.approved_at = now;
          await publishValues(trx, actor, r);
        }
        break;
      }
      case 'return': {
        if (r.state !== 'submitted' || next === null) throw refuse();
        if (!(actor.kind === 'user' && actor.role === 'admin') && actorUnit !== next) throw new AppError('out_of_scope', {}, 'id');
        to = 'returned';
        approvals = [];
        set.approvals = '[]';
        break;
      }
      case 'unlock': {
        if (r.state !== 'approved') throw refuse();
        const top = chain.at(-1);
        if (!(actor.kind === 'user' && actor.role === 'admin') && actorUnit !== top) throw new AppError('out_of_scope', {}, 'id');
        to = 'returned';
        approvals = [];
        Object.assign(set, { approvals: '[]', approved_at: null });
        break;
      }
    }
    set.state = to;
    await trx.updateTable('report').set(set).where('id', '=', id).execute();
    await event(trx, id, actor, { action: input.action, from: r.state, to, unitId: input.action === 'approve' || input.action === 'return' ? next : actorUnit, note: input.note ?? null, data: { approvals } }, now);
    await recordAudit(trx, actor, { action: `report.${input.action}`, entity: 'report', entityId: id, before: { state: r.state, approvals: r.approvals }, after: { state: to, approvals, note: input.note } }, request);
    if (input.action === 'submit') {
      const regime = await trx.selectFrom('report_regime').selectAll().where('id', '=', r.regime_id).executeTakeFirstOrThrow();
      await publishCompleteness(trx, regime, regimePeriod(regime, r.period), [r.org_unit_id]);
      await publishConnectedRegimes(trx, now);
    }
    return { id, state: to, approvals, next: chain.find((u) => !approvals.includes(u)) ?? null };
  });
}

/** Reports of the same regime and period by units below the report's unit that have not been approved up to `level`. */
async function pendingBelow(db: Db, r: Loaded, level: number) {
  const below = unitsBelow(await unitCacheFor(db).inForce(r.period_end), r.org_unit_id);
  below.delete(r.org_unit_id);
  if (!below.size) return [];
  const regime = await db.selectFrom('report_regime').selectAll().where('id', '=', r.regime_id).executeTakeFirstOrThrow();
  const expected = (await expectedUnits(db, regime, { code: r.period, start: r.period_start, end: r.period_end, frequency: regime.frequency, basis: regime.period_basis })).filter((u) => below.has(u.id));
  const reports = await db.selectFrom('report').select(['org_unit_id', 'state', 'approvals']).where('regime_id', '=', r.regime_id).where('period', '=', r.period).execute();
  return expected
    .filter((u) => {
      const rep = reports.find((x) => x.org_unit_id === u.id);
      return !rep || (rep.state !== 'approved' && !(rep.approvals as number[]).includes(level) && !(rep.approvals as number[]).includes(r.org_unit_id));
    })
    .map((u) => ({ unitId: u.id, unit: u.name }));
}

/** The approved numbers become data values of the unit and period, with the report as their source. */
async function publishValues(db: Db, actor: Actor, r: Loaded) {
  const inputs: ValueInput[] = Object.entries(r.values).filter(([, v]) => v !== null && v !== undefined).map(([key, value]) => {
    const [element, coc] = key.split('.') as [string, string | undefined];
    return { element, coc, orgUnitId: r.org_unit_id, period: r.period, value };
  });
  if (!inputs.length) return;
  const summary = await writeValues(db, actor, inputs, { kind: 'report', ref: `report:${r.id}` });
  assertNoProblems(summary);
}

/**
 * The Resolution 07 figures of the reporting system, written the moment a report is submitted: regimes in force, and
 * regimes that reached the provincial reporting system electronically this year (at least one report submitted).
 */
export async function publishConnectedRegimes(db: Db, now: Date) {
  // Submissions arriving together would both create the year's value: one at a time (until the transaction ends).
  await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':reporting.connected'))`.execute(db);
  const year = vnDate(now).slice(0, 4);
  const root = (await unitCacheFor(db).inForce(vnDate(now))).find((u) => u.level === 'province');
  if (!root) return;
  const total = await db.selectFrom('report_regime').select((eb) => eb.fn.countAll<string>().as('n')).where('active', '=', true).where('kind', '=', 'periodic').executeTakeFirstOrThrow();
  // Period codes begin with their year (2026, 2026S1, 2026Q3, 2026M07): a range on the indexed code, one probe a regime.
  const connected = await db.selectFrom('report_regime as g').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('g.active', '=', true).where('g.electronic', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('report as r').select('r.id').whereRef('r.regime_id', '=', 'g.id')
      .where('r.period', '>=', year).where('r.period', '<', String(Number(year) + 1)).where('r.submitted_at', 'is not', null)))
    .executeTakeFirstOrThrow();
  await writeValues(db, { kind: 'system', name: 'reporting' }, [
    { element: 'REPORT_REGIMES_TOTAL', orgUnitId: root.id, period: year, value: Number(total.n) },
    { element: 'REPORT_REGIMES_CONNECTED', orgUnitId: root.id, period: year, value: Number(connected.n) },
  ], { kind: 'report', ref: 'reporting.completeness' });
}

/**
 * Completeness and timeliness of a regime for a period, for the units below a unit: every expected unit with its
 * report's state, submission and lateness, and the counts. Computed from the reports themselves, so it is current
 * the moment a report moves.
 */
export async function completeness(db: Db, actor: Actor, input: { regime: string; period: string; unitId?: number }, now: Date) {
  const regime = await regimeByCode(db, input.regime);
  const period = regimePeriod(regime, input.period);
  const scope = await scopeUnitIds(db, actor);
  if (input.unitId && scope && !scope.has(input.unitId)) throw new AppError('out_of_scope', {}, 'unitId');
  const area = input.unitId === undefined ? null : unitsBelow(await unitCacheFor(db).inForce(period.end), input.unitId);
  const expected = (await expectedUnits(db, regime, period)).filter((u) => (!area || area.has(u.id)) && (!scope || scope.has(u.id)));
  const reports = await db.selectFrom('report').select(['id', 'org_unit_id', 'state', 'submitted_at', 'first_submitted_at', 'due_date', 'approvals'])
    .where('regime_id', '=', regime.id).where('period', '=', period.code).execute();
  const byUnit = new Map(reports.map((r) => [r.org_unit_id, r]));
  const calendar = await loadWorkingCalendar(db);
  const due = dueDate(period, regime.deadline_rule as unknown as DeadlineRule, calendar);
  const today = vnDate(now);
  const rows = expected.map((u) => {
    const r = byUnit.get(u.id);
    const submittedOn = r?.first_submitted_at ? vnDate(r.first_submitted_at) : null;
    const status = submittedOn ? (submittedOn <= due ? 'on_time' : 'late') : today > due ? 'missing' : 'pending';
    return { unitId: u.id, unit: u.name, parentId: u.parentId, reportId: r?.id ?? null, state: r?.state ?? null, submittedOn, status, approvals: (r?.approvals as number[] | undefined) ?? [] };
  });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const submitted = count('on_time') + count('late');
  return {
    regime: { code: regime.code, nameVi: regime.name_vi, nameEn: regime.name_en }, period, dueDate: due,
    expected: rows.length, submitted, onTime: count('on_time'), late: count('late'), missing: count('missing'), pending: count('pending'),
    approved: rows.filter((r) => r.state === 'approved').length,
    rate: rows.length ? Math.round((submitted / rows.length) * 1000) / 10 : null,
    onTimeRate: rows.length ? Math.round((count('on_time') / rows.length) * 1000) / 10 : null,
    units: rows,
  };
}

/**
 * The consolidated report of a unit: the numbers of the approved reports below it (or its own), added up by each
 * element's rule over units (sum, average, min, max). Read from the reports, so it changes the moment one is approved.
 */
export async function consolidated(db: Db, actor: Actor, input: { regime: string; period: string; unitId: number }) {
  const regime = await regimeByCode(db, input.regime);
  const period = regimePeriod(regime, input.period);
  const scope = await scopeUnitIds(db, actor);
  if (scope && !scope.has(input.unitId)) throw new AppError('out_of_scope', {}, 'unitId');
  const area = unitsBelow(await unitCacheFor(db).inForce(period.end), input.unitId);
  const form = await currentForm(db, regime.id);
  const items = form.definition.sections.flatMap((s) => (s.kind === 'data' ? s.items : []));
  const elements = await db.selectFrom('data_element').select(['code', 'agg_units']).where('code', 'in', items.map((i) => i.element)).execute();
  const rule = new Map(elements.map((e) => [e.code, e.agg_units]));
  const approved = await db.selectFrom('report').select(['org_unit_id', 'values']).where('regime_id', '=', regime.id).where('period', '=', period.code)
    .where('state', '=', 'approved').where('org_unit_id', 'in', [...area]).execute();
  const totals = items.map((item) => {
    const key = itemKey(item);
    const numbers = approved.map((r) => r.values[key]).filter((v): v is number => typeof v === 'number');
    const agg = rule.get(item.element) ?? 'sum';
    const value = !numbers.length ? null
      : agg === 'average' ? numbers.reduce((a, b) => a + b, 0) / numbers.length
        : agg === 'min' ? Math.min(...numbers) : agg === 'max' ? Math.max(...numbers)
          : agg === 'none' || agg === 'last' ? (numbers.length === 1 ? numbers[0]! : null)
            : numbers.reduce((a, b) => a + b, 0);
    return { key, element: item.element, coc: item.coc ?? null, aggregation: agg, value, reports: numbers.length };
  });
  return { regime: regime.code, period, unitId: input.unitId, approvedReports: approved.length, totals };
}

export type { Regime };

/** Submitted reports with the unit whose approval each waits for (the first unit of its chain that has not approved). */
export async function waitingReports(db: Db) {
  const rows = await db.selectFrom('report as r').innerJoin('report_regime as g', 'g.id', 'r.regime_id')
    .select(['r.id', 'g.code as regime', 'g.name_vi as nameVi', 'g.name_en as nameEn', 'r.org_unit_id as unitId', 'r.period', 'r.period_end as periodEnd',
      'r.due_date as dueDate', 'r.submitted_at as submittedAt', 'r.approvals'])
    .where('r.state', '=', 'submitted').orderBy('r.submitted_at').limit(5000).execute();
  // Reports share few cut-off days: each day's hierarchy is read once.
  const hierarchies = new Map<string, Awaited<ReturnType<ReturnType<typeof unitCacheFor>['inForce']>>>();
  const out = [];
  for (const r of rows) {
    let units = hierarchies.get(r.periodEnd);
    if (!units) hierarchies.set(r.periodEnd, (units = await unitCacheFor(db).inForce(r.periodEnd)));
    const name = (id: number) => units!.find((u) => u.id === id)?.name ?? null;
    const next = chainIn(units, r.unitId).find((u) => !(r.approvals as number[]).includes(u)) ?? null;
    out.push({ ...r, unit: name(r.unitId), next, nextApprover: next === null ? null : name(next) });
  }
  return out;
}

/**
 * Completeness of a regime period by period (the dashboard's trend): for each period from `from` to `to`, the units
 * expected (on the hierarchy of its cut-off), the reports submitted, on time and approved. One grouped read of the
 * reports; the expected units come from the in-memory hierarchy.
 */
export async function completenessHistory(db: Db, actor: Actor, input: { regime: string; from: string; to: string }) {
  const regime = await regimeByCode(db, input.regime);
  const first = regimePeriod(regime, input.from);
  const last = regimePeriod(regime, input.to);
  const scope = await scopeUnitIds(db, actor);
  const counted = await db.selectFrom('report').select(['period'])
    .select((eb) => [
      eb.fn.count<string>('id').filterWhere('first_submitted_at', 'is not', null).as('submitted'),
      eb.fn.count<string>('id').filterWhere(sql<boolean>`(first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= due_date`).as('onTime'),
      eb.fn.count<string>('id').filterWhere('state', '=', 'approved').as('approved'),
    ])
    .where('regime_id', '=', regime.id).where('period_end', '>=', first.end).where('period_end', '<=', last.end)
    .$if(scope !== null, (q) => q.where('org_unit_id', 'in', [...scope!]))
    .groupBy('period').execute();
  const byPeriod = new Map(counted.map((c) => [c.period, c]));
  const expectedOn = await expectedUnitsOver(db, regime);
  const out = [];
  for (let p = first; p.end <= last.end; p = regimePeriod(regime, nextPeriodCode(regime.frequency, p.code))) {
    const expected = expectedOn(p.end).filter((u) => !scope || scope.has(u.id)).length;
    const c = byPeriod.get(p.code);
    const submitted = Number(c?.submitted ?? 0);
    out.push({ period: p.code, end: p.end, expected, submitted, onTime: Number(c?.onTime ?? 0), approved: Number(c?.approved ?? 0), rate: expected ? Math.round((submitted / expected) * 1000) / 10 : null });
  }
  return out;
}

function nextPeriodCode(frequency: Regime['frequency'], code: string): string {
  const year = Number(code.slice(0, 4));
  if (frequency === 'year') return String(year + 1);
  const n = Number(code.slice(5));
  const count = { month: 12, quarter: 4, sixmonth: 2 }[frequency];
  const letter = { month: 'M', quarter: 'Q', sixmonth: 'S' }[frequency];
  const [y, k] = n === count ? [year + 1, 1] : [year, n + 1];
  return `${y}${letter}${frequency === 'month' ? String(k).padStart(2, '0') : k}`;
}
