import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CaseEventTable, CaseMediaTable, CaseRecordTable } from '../../db/schema.js';
import { caseWritten } from './changes.js';
import type { CaseState } from './state-machine.js';

// The SQL of one case, its timeline and its photos: case_record, case_event and case_media.

export type CaseRow = Selectable<CaseRecordTable>;
export type CaseChange = Updateable<CaseRecordTable>;
export type CaseEventRow = Selectable<CaseEventTable>;

export function getCaseRow(db: Db, id: number, options: { kind?: string; lock?: boolean } = {}): Promise<CaseRow | undefined> {
  let q = db.selectFrom('case_record').selectAll().where('id', '=', id);
  if (options.kind) q = q.where('kind', '=', options.kind);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** A case by the tracking code citizens type (any case). */
export function findCaseRowByCode(db: Db, kind: string, code: string): Promise<CaseRow | undefined> {
  return db.selectFrom('case_record').selectAll().where('kind', '=', kind).where('tracking_code', '=', code.toUpperCase()).executeTakeFirst();
}

export async function updateCaseRow(db: Db, id: number, set: CaseChange): Promise<void> {
  await db.updateTable('case_record').set(set).where('id', '=', id).execute();
  caseWritten();
}

/** One step on a case's timeline; `data` always says the kind of the case. */
export interface CaseEventInput {
  action: string;
  from?: CaseState | null;
  to?: CaseState | null;
  unitId?: number | null;
  note?: string | null;
  internal?: boolean;
  data?: Record<string, unknown>;
}

export async function insertCaseEvent(db: Db, caseId: number, who: { kind: string; name: string }, kind: string, e: CaseEventInput, at: Date): Promise<void> {
  await db.insertInto('case_event').values({
    case_id: caseId, at, actor_kind: who.kind, actor_name: who.name, action: e.action, from_state: e.from ?? null, to_state: e.to ?? null,
    unit_id: e.unitId ?? null, note: e.note ?? null, internal: e.internal ?? false, data: JSON.stringify({ kind, ...(e.data ?? {}) }),
  } satisfies Insertable<CaseEventTable>).execute();
}

export function listCaseEvents(db: Db, caseId: number, includeInternal: boolean): Promise<CaseEventRow[]> {
  let q = db.selectFrom('case_event').selectAll().where('case_id', '=', caseId);
  if (!includeInternal) q = q.where('internal', '=', false);
  return q.orderBy('id').execute();
}

/** The public events of several cases, in order (Open311's notes). */
export function publicEventsOf(db: Db, caseIds: number[]) {
  return db.selectFrom('case_event').select(['case_id', 'at', 'action', 'to_state', 'note']).where('case_id', 'in', caseIds).where('internal', '=', false).orderBy('id').execute();
}

/** What a notice says of a case, with the name of the unit holding it. */
export function caseFacts(db: Db, caseId: number) {
  return db.selectFrom('case_record as c').leftJoin('org_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('case_category as k', (j) => j.onRef('k.kind', '=', 'c.kind').onRef('k.code', '=', 'c.category_code'))
    .select(['c.id', 'c.kind', 'c.tracking_code', 'c.state', 'c.category_code', 'k.name_vi as category_vi', 'k.name_en as category_en', 'c.unit_id', 'u.name as unit',
      'c.due_date', 'c.public_answer', 'c.data'])
    .where('c.id', '=', caseId).executeTakeFirstOrThrow();
}

/** The data of the duplicates merged into a case: their reporters hear its outcome. */
export function duplicatesData(db: Db, originalId: number) {
  return db.selectFrom('case_record').select('data').where('merged_into_id', '=', originalId).execute();
}

export function overdueCases(db: Db, handling: CaseState[], today: string) {
  return db.selectFrom('case_record as c').innerJoin('org_unit as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.kind', 'c.state', 'c.unit_id', 'c.due_date', 'u.parent_id'])
    .where('c.state', 'in', handling).where('c.due_date', '<', today).where('c.escalated_at', 'is', null)
    .execute();
}

/** Open cases due between two days whose officers have not been reminded of this deadline. */
export function casesDueWithin(db: Db, handling: CaseState[], from: string, to: string) {
  return db.selectFrom('case_record').select(['id', 'due_date'])
    .where('state', 'in', handling).where('due_date', '>=', from).where('due_date', '<=', to)
    .where((eb) => eb.or([eb('reminded_due_date', 'is', null), eb('reminded_due_date', '<>', eb.ref('due_date'))]))
    .execute();
}

export type MediaRow = Selectable<CaseMediaTable>;

export async function insertMedia(db: Db, rows: Insertable<CaseMediaTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('case_media').values(rows).execute();
}

export function getMedia(db: Db, caseId: number, mediaId: number) {
  return db.selectFrom('case_media').select(['id', 'original', 'published', 'content_type', 'hidden']).where('id', '=', mediaId).where('case_id', '=', caseId).executeTakeFirst();
}

export async function updateMedia(db: Db, mediaId: number, set: { hidden: boolean; reviewed_at: Date; published?: Buffer | null }): Promise<void> {
  await db.updateTable('case_media').set(set).where('id', '=', mediaId).execute();
}

/** A case's photos as its unit sees them: hidden ones too, whether a blurred copy is published and whether it was reviewed. */
export function listMediaOf(db: Db, caseId: number) {
  return db.selectFrom('case_media').select(['id', 'position', 'width', 'height', 'hidden', 'exif_lat as exifLat', 'exif_lon as exifLon'])
    .select((eb) => eb('reviewed_at', 'is not', null).$castTo<boolean>().as('reviewed'))
    .select((eb) => eb('published', 'is not', null).$castTo<boolean>().as('redacted')).where('case_id', '=', caseId).orderBy('position').execute();
}

/** The photos the public may see of a case. */
export function listShownMedia(db: Db, caseId: number) {
  return db.selectFrom('case_media').select(['position', 'width', 'height']).where('case_id', '=', caseId).where('hidden', '=', false).orderBy('position').execute();
}

/** A shown photo of a public case by its position: the published copy when there is one. */
export function findShownPhoto(db: Db, input: { kind: string; code: string; position: number; hiddenStates: CaseState[] }) {
  return db.selectFrom('case_media as m').innerJoin('case_record as c', 'c.id', 'm.case_id')
    .select(['m.original', 'm.published', 'm.content_type']).where('c.kind', '=', input.kind).where('c.tracking_code', '=', input.code.toUpperCase())
    .where('c.state', 'not in', input.hiddenStates).where('m.position', '=', input.position).where('m.hidden', '=', false).executeTakeFirst();
}

/** An active officer or reviewer by id: who a case can be given to (app_user belongs to core/users, which has no such read yet). */
export function activeOfficer(db: Db, id: number) {
  return db.selectFrom('app_user').select(['id', 'username', 'display_name', 'org_unit_id']).where('id', '=', id)
    .where('active', '=', true).where('role', 'in', ['officer', 'reviewer']).executeTakeFirst();
}
