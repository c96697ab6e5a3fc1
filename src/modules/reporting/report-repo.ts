import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ReportState, ReportTable } from '../../db/schema.js';

// The SQL of the reports themselves and their timelines: report and report_event.

export type ReportRow = Selectable<ReportTable>;

/** A unit's report for a regime and period. */
export function reportOf(db: Db, key: { regimeId: number; unitId: number; period: string }) {
  return db.selectFrom('report').select(['id', 'state', 'submitted_at as submittedAt']).where('regime_id', '=', key.regimeId).where('org_unit_id', '=', key.unitId)
    .where('period', '=', key.period).executeTakeFirst();
}

/** A new draft, or undefined when another request created it meanwhile. */
export function insertDraft(db: Db, values: Insertable<ReportTable>) {
  return db.insertInto('report').values(values).onConflict((oc) => oc.columns(['regime_id', 'org_unit_id', 'period']).doNothing()).returning('id').executeTakeFirst();
}

export function reportRow(db: Db, id: number, lock = false) {
  let q = db.selectFrom('report').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateReportRow(db: Db, id: number, set: Updateable<ReportTable>): Promise<void> {
  await db.updateTable('report').set(set).where('id', '=', id).execute();
}

/** The values of a unit's last 12 submitted or approved reports under a regime before a period, newest first. */
export function earlierValues(db: Db, r: { regime_id: number; org_unit_id: number; period: string }) {
  return db.selectFrom('report').select('values').where('regime_id', '=', r.regime_id).where('org_unit_id', '=', r.org_unit_id)
    .where('period', '<', r.period).where('state', 'in', ['submitted', 'approved']).orderBy('period', 'desc').limit(12).execute();
}

/** Every report of a regime and period, of some units only when given. */
export function reportsOfPeriod(db: Db, regimeId: number, period: string) {
  return db.selectFrom('report').select(['id', 'org_unit_id', 'state', 'submitted_at', 'first_submitted_at', 'due_date', 'approvals'])
    .where('regime_id', '=', regimeId).where('period', '=', period).execute();
}

export function approvedValues(db: Db, regimeId: number, period: string, unitIds: number[]) {
  return db.selectFrom('report').select(['org_unit_id', 'values']).where('regime_id', '=', regimeId).where('period', '=', period)
    .where('state', '=', 'approved').where('org_unit_id', 'in', unitIds).execute();
}

export async function submittedUnits(db: Db, regimeId: number, period: string): Promise<Set<number>> {
  const rows = await db.selectFrom('report').select('org_unit_id').where('regime_id', '=', regimeId).where('period', '=', period)
    .where('state', 'in', ['submitted', 'approved']).execute();
  return new Set(rows.map((r) => r.org_unit_id));
}

/** The reports of a regime for the exchange messages, in period and unit order. */
export function exchangeReports(db: Db, regimeId: number, options: { period?: string; approvedOnly: boolean }) {
  let q = db.selectFrom('report').selectAll().where('regime_id', '=', regimeId);
  if (options.period) q = q.where('period', '=', options.period);
  if (options.approvedOnly) q = q.where('state', '=', 'approved');
  return q.orderBy('period').orderBy('org_unit_id').limit(20_000).execute();
}

/** Submitted reports, oldest submission first, with their regime's names. */
export function submittedReports(db: Db) {
  return db.selectFrom('report as r').innerJoin('report_regime as g', 'g.id', 'r.regime_id')
    .select(['r.id', 'g.code as regime', 'g.name_vi as nameVi', 'g.name_en as nameEn', 'r.org_unit_id as unitId', 'r.period', 'r.period_end as periodEnd',
      'r.due_date as dueDate', 'r.submitted_at as submittedAt', 'r.approvals'])
    .where('r.state', '=', 'submitted').orderBy('r.submitted_at').limit(5000).execute();
}

/** Per period of a regime ending between two days: reports submitted, on time and approved (of some units). */
export function countsByPeriod(db: Db, regimeId: number, from: string, to: string, units: Set<number> | null) {
  return db.selectFrom('report').select(['period'])
    .select((eb) => [
      eb.fn.count<string>('id').filterWhere('first_submitted_at', 'is not', null).as('submitted'),
      eb.fn.count<string>('id').filterWhere(sql<boolean>`(first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= due_date`).as('onTime'),
      eb.fn.count<string>('id').filterWhere('state', '=', 'approved').as('approved'),
    ])
    .where('regime_id', '=', regimeId).where('period_end', '>=', from).where('period_end', '<=', to)
    .$if(units !== null, (q) => q.where('org_unit_id', 'in', [...units!]))
    .groupBy('period').execute();
}

/**
 * Active periodic regimes, and those of them connected to the provincial reporting system: set up to be sent through
 * it electronically. Connection is a state a regime keeps (Resolution 07 counts regimes connected, not regimes that
 * happened to receive a report this year), so a new year starts from the regimes already connected.
 */
export async function regimeCounts(db: Db): Promise<{ total: number; connected: number }> {
  // Submissions arriving together would both create the year's value: one at a time (until the transaction ends).
  await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':reporting.connected'))`.execute(db);
  const row = await db.selectFrom('report_regime')
    .select((eb) => [eb.fn.countAll<string>().as('total'), eb.fn.countAll<string>().filterWhere('electronic', '=', true).as('connected')])
    .where('active', '=', true).where('kind', '=', 'periodic').executeTakeFirstOrThrow();
  return { total: Number(row.total), connected: Number(row.connected) };
}

export interface ReportEventInput { action: string; from?: ReportState | null; to?: ReportState | null; unitId?: number | null; note?: string | null; data?: Record<string, unknown> }

export async function insertReportEvent(db: Db, reportId: number, who: { kind: string; name: string }, e: ReportEventInput, at: Date): Promise<void> {
  await db.insertInto('report_event').values({
    report_id: reportId, at, actor_kind: who.kind, actor_name: who.name, action: e.action, from_state: e.from ?? null, to_state: e.to ?? null,
    unit_id: e.unitId ?? null, note: e.note ?? null, data: JSON.stringify(e.data ?? {}),
  }).execute();
}

export const reportEvents = (db: Db, reportId: number) => db.selectFrom('report_event').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
