import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../db/database.js';
import type { ReportState } from '../../db/schema.js';
import { type Actor, scopeUnitIds } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { assertNoProblems, writeValues, type ValueInput } from '../../core/data/index.js';
import { unitCacheFor, unitsBelow } from '../../core/org-units/index.js';
import { AppError } from '../../server/errors.js';
import { publishCompleteness, publishConnectedRegimes } from './figures.js';
import { checkReport } from './forms.js';
import { actorUnitOf, EDITABLE, isAdmin } from './policy.js';
import { formById, regimePeriod } from './regimes.js';
import { regimeRowById } from './repo.js';
import { insertReportEvent, reportsOfPeriod, updateReportRow, type ReportRow } from './report-repo.js';
import { loadReport, who } from './reports.js';
import type { ReportAction } from './schema.js';
import { approvalChain, expectedUnits } from './units.js';

/**
 * One step of the workflow (see policy.ts). Submit: by the reporting unit, refused while the form has errors.
 * Approve: by the next unit of the chain (a level approves only when the reports of the units below it are approved
 * up to it); the province's approval locks the report and writes its numbers into the data-value store. Return: by
 * the next approver, with comments. Unlock: by the province, with a reason.
 */
export async function actOnReport(db: Db, actor: Actor, id: number, input: { action: ReportAction; note?: string }, now: Date, request?: FastifyRequest) {
  if ((input.action === 'return' || input.action === 'unlock') && !input.note?.trim()) {
    throw new AppError('field_required_for_action', { action: input.action, field: 'note' }, 'note');
  }
  return inTransaction(db, async (trx) => {
    const r = await loadReport(trx, id, true);
    const chain = await approvalChain(trx, r.org_unit_id, r.period_end);
    const scope = await scopeUnitIds(trx, actor);
    const refuse = () => new AppError('transition_refused', { action: input.action, state: r.state }, 'action');
    const next = chain.find((u) => !r.approvals.includes(u)) ?? null;
    const actorUnit = actorUnitOf(actor);
    /** The approver is the next unit of the chain: its own officers, or an administrator acting for it. */
    const assertActsFor = (unit: number | null | undefined) => {
      if (!isAdmin(actor) && actorUnit !== unit) throw new AppError('out_of_scope', {}, 'id');
    };
    let to: ReportState = r.state;
    const set: Parameters<typeof updateReportRow>[2] = { updated_at: now };
    let approvals = r.approvals;
    switch (input.action) {
      case 'submit': {
        if (!EDITABLE.includes(r.state)) throw refuse();
        if (scope && !scope.has(r.org_unit_id)) throw new AppError('out_of_scope', {}, 'id');
        const form = await formById(trx, r.form_id);
        const errors = checkReport(form.definition, r.values, r.narrative).filter((f) => f.severity === 'error');
        if (errors.length) throw new AppError('report_invalid', { count: errors.length }, errors[0]!.field, { details: errors });
        to = 'submitted';
        Object.assign(set, { submitted_at: now, first_submitted_at: r.first_submitted_at ?? now });
        break;
      }
      case 'approve': {
        if (r.state !== 'submitted' || next === null) throw refuse();
        assertActsFor(next);
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
        assertActsFor(next);
        to = 'returned';
        approvals = [];
        set.approvals = '[]';
        break;
      }
      case 'unlock': {
        if (r.state !== 'approved') throw refuse();
        assertActsFor(chain.at(-1));
        to = 'returned';
        approvals = [];
        Object.assign(set, { approvals: '[]', approved_at: null });
        break;
      }
    }
    set.state = to;
    await updateReportRow(trx, id, set);
    await insertReportEvent(trx, id, who(actor), { action: input.action, from: r.state, to, unitId: input.action === 'approve' || input.action === 'return' ? next : actorUnit, note: input.note ?? null, data: { approvals } }, now);
    await recordAudit(trx, actor, { action: `report.${input.action}`, entity: 'report', entityId: id, before: { state: r.state, approvals: r.approvals }, after: { state: to, approvals, note: input.note } }, request);
    if (input.action === 'submit') {
      const regime = await regimeRowById(trx, r.regime_id);
      await publishCompleteness(trx, regime, regimePeriod(regime, r.period), [r.org_unit_id]);
      await publishConnectedRegimes(trx, now);
    }
    return { id, state: to, approvals, next: chain.find((u) => !approvals.includes(u)) ?? null };
  });
}

/** Reports of the same regime and period by units below the report's unit that have not been approved up to `level`. */
async function pendingBelow(db: Db, r: ReportRow, level: number) {
  const below = unitsBelow(await unitCacheFor(db).inForce(r.period_end), r.org_unit_id);
  below.delete(r.org_unit_id);
  if (!below.size) return [];
  const regime = await regimeRowById(db, r.regime_id);
  const expected = (await expectedUnits(db, regime, { code: r.period, start: r.period_start, end: r.period_end, frequency: regime.frequency, basis: regime.period_basis })).filter((u) => below.has(u.id));
  const reports = await reportsOfPeriod(db, r.regime_id, r.period);
  return expected
    .filter((u) => {
      const rep = reports.find((x) => x.org_unit_id === u.id);
      return !rep || (rep.state !== 'approved' && !rep.approvals.includes(level) && !rep.approvals.includes(r.org_unit_id));
    })
    .map((u) => ({ unitId: u.id, unit: u.name }));
}

/** The approved numbers become data values of the unit and period, with the report as their source. */
async function publishValues(db: Db, actor: Actor, r: ReportRow) {
  const inputs: ValueInput[] = Object.entries(r.values).filter(([, v]) => v !== null && v !== undefined).map(([key, value]) => {
    const [element, coc] = key.split('.') as [string, string | undefined];
    return { element, coc, orgUnitId: r.org_unit_id, period: r.period, value };
  });
  if (!inputs.length) return;
  const summary = await writeValues(db, actor, inputs, { kind: 'report', ref: `report:${r.id}` });
  assertNoProblems(summary);
}
