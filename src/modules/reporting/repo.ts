import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ReportRegimeTable } from '../../db/schema.js';

// The SQL of the tables periodic reporting owns: report_regime, report_form, report_reminder and report_attachment
// here; report and report_event in report-repo.ts.

export type Regime = Selectable<ReportRegimeTable>;

export const regimeRowByCode = (db: Db, code: string) => db.selectFrom('report_regime').selectAll().where('code', '=', code).executeTakeFirst();
export const regimeRowById = (db: Db, id: number) => db.selectFrom('report_regime').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
export const anyRegime = (db: Db) => db.selectFrom('report_regime').select('id').limit(1).executeTakeFirst();

/** The active regimes by code; only those reporting through the system when asked. */
export function activeRegimes(db: Db, options: { electronic?: boolean } = {}): Promise<Regime[]> {
  let q = db.selectFrom('report_regime').selectAll().where('active', '=', true);
  if (options.electronic) q = q.where('electronic', '=', true);
  return q.orderBy('code').execute();
}

/** Every regime as the list shows it, with the name of the unit receiving its reports. */
export function regimeViews(db: Db) {
  return db.selectFrom('report_regime as g').leftJoin('org_unit as u', 'u.id', 'g.receiving_unit_id')
    .select(['g.code', 'g.name_vi as nameVi', 'g.name_en as nameEn', 'g.kind', 'g.frequency', 'g.period_basis as basis', 'g.reporting_level as reportingLevel',
      'g.deadline_rule as deadline', 'g.electronic', 'g.demo', 'g.active', 'u.name as receivingUnit', 'g.legal_basis as legalBasis'])
    .orderBy('g.code').execute();
}

export const lockRegimeByCode = (db: Db, code: string) => db.selectFrom('report_regime').select(['id', 'frequency']).where('code', '=', code).forUpdate().executeTakeFirst();
export const regimeHasReports = async (db: Db, regimeId: number) => !!(await db.selectFrom('report').select('id').where('regime_id', '=', regimeId).limit(1).executeTakeFirst());
export const updateRegimeRow = (db: Db, id: number, values: Updateable<ReportRegimeTable>) =>
  db.updateTable('report_regime').set(values).where('id', '=', id).returning('id').executeTakeFirstOrThrow();
export const insertRegimeRow = (db: Db, values: Insertable<ReportRegimeTable>) => db.insertInto('report_regime').values(values).returning('id').executeTakeFirstOrThrow();

export const latestFormRow = (db: Db, regimeId: number) =>
  db.selectFrom('report_form').select(['id', 'version', 'definition']).where('regime_id', '=', regimeId).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
export const formRowById = (db: Db, id: number) => db.selectFrom('report_form').select(['id', 'version', 'definition']).where('id', '=', id).executeTakeFirstOrThrow();
export async function insertFormRow(db: Db, row: { regimeId: number; version: number; definition: unknown; createdBy: string }): Promise<void> {
  await db.insertInto('report_form').values({ regime_id: row.regimeId, version: row.version, definition: JSON.stringify(row.definition), created_by: row.createdBy }).execute();
}

/** Records a reminder; automatic ones once per unit, period and kind (false when already sent). */
export async function insertReminder(db: Db, row: { regimeId: number; unitId: number; period: string; kind: 'due_soon' | 'overdue' | 'manual'; at: Date; by: string }): Promise<boolean> {
  const values = { regime_id: row.regimeId, org_unit_id: row.unitId, period: row.period, kind: row.kind, sent_at: row.at, sent_by: row.by };
  if (row.kind === 'manual') {
    await db.insertInto('report_reminder').values(values).execute();
    return true;
  }
  const inserted = await db.insertInto('report_reminder').values(values)
    .onConflict((oc) => oc.columns(['regime_id', 'org_unit_id', 'period', 'kind']).where('kind', '<>', 'manual').doNothing()).returning('id').executeTakeFirst();
  return !!inserted;
}

export const attachmentCount = async (db: Db, reportId: number) =>
  Number((await db.selectFrom('report_attachment').select((eb) => eb.fn.countAll<string>().as('n')).where('report_id', '=', reportId).executeTakeFirstOrThrow()).n);
export const insertAttachments = (db: Db, rows: { report_id: number; file_name: string; content_type: string; size: number; content: Buffer; uploaded_by: string }[]) =>
  db.insertInto('report_attachment').values(rows).returning(['id', 'file_name as fileName', 'content_type as contentType', 'size']).execute();
export const deleteAttachment = (db: Db, reportId: number, id: number) =>
  db.deleteFrom('report_attachment').where('id', '=', id).where('report_id', '=', reportId).returning(['id', 'file_name']).executeTakeFirst();
export const attachmentViews = (db: Db, reportId: number) =>
  db.selectFrom('report_attachment').select(['id', 'file_name as fileName', 'content_type as contentType', 'size', 'uploaded_by as uploadedBy', 'uploaded_at as uploadedAt'])
    .where('report_id', '=', reportId).orderBy('id').execute();
export const attachmentFile = (db: Db, reportId: number, id: number) =>
  db.selectFrom('report_attachment').select(['file_name', 'content_type', 'content']).where('id', '=', id).where('report_id', '=', reportId).executeTakeFirst();
