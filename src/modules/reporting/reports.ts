import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../db/database.js';
import { actorName, type Actor, scopeUnitIds } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { loadWorkingCalendar, vnDate } from '../../core/calendar/index.js';
import { unitCacheFor } from '../../core/org-units/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { listAttachments } from './attachments.js';
import { checkReport, itemKey, outlierHints, type Finding, type FormDefinition } from './forms.js';
import { dueDate, periodContaining, type DeadlineRule } from './periods.js';
import { chainIn, EDITABLE } from './policy.js';
import { currentForm, formById, regimeByCode, regimePeriod } from './regimes.js';
import { activeRegimes, regimeRowById } from './repo.js';
import { earlierValues, insertDraft, insertReportEvent, reportEvents, reportOf, reportRow, updateReportRow, type ReportRow } from './report-repo.js';
import { elementsOfForm } from './data-reads.js';
import type { DraftInput } from './schema.js';
import { expectedUnits } from './units.js';

export const who = (actor: Actor) => ({ kind: actor.kind, name: actorName(actor) });

export async function inScope(db: Db, actor: Actor, unitId: number): Promise<boolean> {
  const scope = await scopeUnitIds(db, actor);
  return !scope || scope.has(unitId);
}

/** The report of a unit for a regime and period, created as a draft on the regime's current form when missing. */
export async function openReport(db: Db, actor: Actor, input: { regime: string; unitId: number; period: string }, now: Date, request?: FastifyRequest) {
  const regime = await regimeByCode(db, input.regime);
  const period = regimePeriod(regime, input.period);
  if (!(await inScope(db, actor, input.unitId))) throw new AppError('out_of_scope', {}, 'unitId');
  const expected = await expectedUnits(db, regime, period);
  if (!expected.some((u) => u.id === input.unitId)) throw new AppError('unit_not_expected', {}, 'unitId');
  const key = { regimeId: regime.id, unitId: input.unitId, period: period.code };
  const existing = await reportOf(db, key);
  if (existing) return existing.id;
  const calendar = await loadWorkingCalendar(db);
  const due = dueDate(period, regime.deadline_rule as unknown as DeadlineRule, calendar);
  const form = await currentForm(db, regime.id);
  return inTransaction(db, async (trx) => {
    const row = await insertDraft(trx, {
      regime_id: regime.id, form_id: form.id, org_unit_id: input.unitId, period: period.code, period_start: period.start, period_end: period.end, due_date: due, state: 'draft',
    });
    if (!row) return (await reportOf(trx, key))!.id;
    await insertReportEvent(trx, row.id, who(actor), { action: 'create', to: 'draft', data: { formVersion: form.version, dueDate: due } }, now);
    await recordAudit(trx, actor, { action: 'report.create', entity: 'report', entityId: row.id, after: { ...input, formVersion: form.version } }, request);
    return row.id;
  });
}

export async function loadReport(db: Db, id: number, lock = false): Promise<ReportRow> {
  const r = await reportRow(db, id, lock);
  if (!r) throw notFound('id');
  return r;
}

/** Values of the unit's earlier reports under the regime, per item: the history outlier hints compare against. */
async function history(db: Db, r: ReportRow): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const row of await earlierValues(db, r)) for (const [k, v] of Object.entries(row.values)) if (typeof v === 'number') (out[k] ??= []).push(v);
  return out;
}

export async function findings(db: Db, r: ReportRow, form: FormDefinition): Promise<Finding[]> {
  return [...checkReport(form, r.values, r.narrative), ...outlierHints(r.values, await history(db, r))];
}

/** A report with its regime, form, findings, approval chain and timeline, for anyone whose units include it. */
export async function reportView(db: Db, actor: Actor, id: number) {
  const r = await loadReport(db, id);
  const period = { code: r.period, start: r.period_start, end: r.period_end };
  const units = await unitCacheFor(db).inForce(r.period_end);
  const chain = chainIn(units, r.org_unit_id);
  const scope = await scopeUnitIds(db, actor);
  if (scope && !scope.has(r.org_unit_id) && !chain.some((u) => scope.has(u))) throw new AppError('out_of_scope', {}, 'id');
  const regime = await regimeRowById(db, r.regime_id);
  const form = await formById(db, r.form_id);
  const name = (u: number) => units.find((x) => x.id === u)?.name ?? String(u);
  const timeline = await reportEvents(db, id);
  const { elements, cocs } = await elementsOfForm(db, form.definition);
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

/** Saves a draft (autosave): only while editable, only by the reporting unit, only over the revision it read. */
export async function saveDraft(db: Db, actor: Actor, id: number, input: DraftInput, now: Date, via: 'form' | 'upload' = 'form') {
  return inTransaction(db, async (trx) => {
    const r = await loadReport(trx, id, true);
    if (!(await inScope(trx, actor, r.org_unit_id))) throw new AppError('out_of_scope', {}, 'id');
    if (!EDITABLE.includes(r.state)) throw new AppError('report_locked', { state: r.state }, 'id');
    if (input.revision !== r.revision) throw new AppError('report_conflict', { revision: r.revision }, 'revision', { details: [{ revision: r.revision }] });
    const form = await formById(trx, r.form_id);
    const known = new Set(form.definition.sections.flatMap((s) => (s.kind === 'data' ? s.items.map(itemKey) : [])));
    const unknown = Object.keys(input.values).find((k) => !known.has(k));
    if (unknown) throw new AppError('item_not_on_form', { item: unknown }, `values.${unknown}`);
    const values = { ...r.values, ...input.values };
    const narrative = { ...r.narrative, ...input.narrative };
    await updateReportRow(trx, id, { values: JSON.stringify(values), narrative: JSON.stringify(narrative), revision: r.revision + 1, updated_at: now });
    // Autosaves are too many for the timeline; a workbook loaded is one step worth showing.
    if (via === 'upload') await insertReportEvent(trx, id, who(actor), { action: 'upload', data: { values: Object.keys(input.values).length } }, now);
    return { id, revision: r.revision + 1, findings: await findings(trx, { ...r, values, narrative }, form.definition) };
  });
}

/** What a unit has to report: for each regime it reports under, the period just closed and the one running. */
export async function dueReports({ db, actor, unitId, now }: { db: Db; actor: Actor; unitId?: number; now: Date }) {
  const unit = unitId ?? (actor.kind === 'user' ? actor.orgUnitId : actor.kind === 'token' ? actor.orgUnitId : null);
  if (!unit) return [];
  if (!(await inScope(db, actor, unit))) throw new AppError('out_of_scope', {}, 'unitId');
  const today = vnDate(now);
  const calendar = await loadWorkingCalendar(db);
  const out = [];
  for (const regime of await activeRegimes(db)) {
    const running = periodContaining(regime.frequency, today, regime.period_basis);
    const previous = periodContaining(regime.frequency, new Date(Date.parse(`${running.start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10), regime.period_basis);
    for (const period of [previous, running]) {
      if (!(await expectedUnits(db, regime, period)).some((u) => u.id === unit)) continue;
      const report = await reportOf(db, { regimeId: regime.id, unitId: unit, period: period.code });
      out.push({
        regime: regime.code, nameVi: regime.name_vi, nameEn: regime.name_en, demo: regime.demo, period: period.code, start: period.start, end: period.end,
        dueDate: dueDate(period, regime.deadline_rule as unknown as DeadlineRule, calendar), reportId: report?.id ?? null, state: report?.state ?? null, submittedAt: report?.submittedAt ?? null,
      });
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
