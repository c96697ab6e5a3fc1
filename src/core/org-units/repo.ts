import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UnitLevel } from '../../db/schema.js';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  type: string;
  level: UnitLevel;
  parentId: number | null;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

const LEVEL_ORDER = sql<number>`array_position(array['province','district','commune','department']::text[], u.level)`;

/** A unit is in force on a date when the date falls inside its inclusive validity interval. */
export function inForce(asOf: string): Expression<SqlBool> {
  return sql<SqlBool>`(u.valid_from IS NULL OR u.valid_from <= ${asOf}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${asOf}::date)`;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.short_name as shortName',
      'u.type',
      'u.level',
      'u.parent_id as parentId',
      'p.code as parentCode',
      'u.valid_from as validFrom',
      'u.valid_to as validTo',
    ]);
}

export async function listInForce(db: Db, asOf: string, filter: { level?: UnitLevel; parentId?: number } = {}): Promise<UnitRow[]> {
  let q = baseQuery(db).where(inForce(asOf));
  if (filter.level) q = q.where('u.level', '=', filter.level);
  if (filter.parentId !== undefined) q = q.where('u.parent_id', '=', filter.parentId);
  return q.orderBy(LEVEL_ORDER).orderBy('u.code').execute();
}

export async function getById(db: Db, id: number): Promise<UnitRow | undefined> {
  return baseQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export async function findByCode(db: Db, code: string, asOf: string): Promise<UnitRow | undefined> {
  return baseQuery(db).where('u.code', '=', code).where(inForce(asOf)).executeTakeFirst();
}

export async function ancestors(db: Db, id: number): Promise<UnitRow[]> {
  const ids = await sql<{ id: number; depth: number }>`
    WITH RECURSIVE up AS (
      SELECT parent_id AS id, 1 AS depth FROM org_unit WHERE id = ${id}
      UNION ALL
      SELECT u.parent_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL
    ) SELECT id, depth FROM up WHERE id IS NOT NULL`.execute(db);
  if (ids.rows.length === 0) return [];
  const rows = await baseQuery(db).where('u.id', 'in', ids.rows.map((r) => r.id)).execute();
  const depth = new Map(ids.rows.map((r) => [r.id, r.depth]));
  return rows.sort((a, b) => depth.get(b.id)! - depth.get(a.id)!);
}

export async function descendants(db: Db, id: number, asOf: string): Promise<UnitRow[]> {
  const ids = await sql<{ id: number }>`
    WITH RECURSIVE down AS (
      SELECT u.id FROM org_unit u WHERE u.parent_id = ${id} AND ${inForce(asOf)}
      UNION ALL
      SELECT u.id FROM org_unit u JOIN down d ON u.parent_id = d.id WHERE ${inForce(asOf)}
    ) SELECT id FROM down`.execute(db);
  if (ids.rows.length === 0) return [];
  return baseQuery(db).where('u.id', 'in', ids.rows.map((r) => r.id)).orderBy(LEVEL_ORDER).orderBy('u.code').execute();
}

export interface LineageLink {
  eventId: number;
  date: string;
  kind: string;
  legalBasis: string | null;
  note: string | null;
  share: string;
  unit: UnitRow;
}

/** The units an event links to this one: predecessors (it came from them) or successors (it became them). */
export async function linked(db: Db, id: number, direction: 'predecessors' | 'successors'): Promise<LineageLink[]> {
  const [mine, theirs] = direction === 'predecessors' ? (['successor', 'predecessor'] as const) : (['predecessor', 'successor'] as const);
  const links = await db
    .selectFrom('org_unit_event_unit as me')
    .innerJoin('org_unit_event as e', 'e.id', 'me.event_id')
    .innerJoin('org_unit_event_unit as other', (j) => j.onRef('other.event_id', '=', 'me.event_id').on('other.role', '=', theirs))
    .where('me.unit_id', '=', id)
    .where('me.role', '=', mine)
    .select(['e.id as eventId', 'e.event_date as date', 'e.kind', 'e.legal_basis as legalBasis', 'e.note', 'other.share', 'other.unit_id as unitId'])
    .execute();
  if (links.length === 0) return [];
  const units = new Map((await baseQuery(db).where('u.id', 'in', links.map((l) => l.unitId)).execute()).map((u) => [u.id, u]));
  return links
    .map(({ unitId, ...l }) => ({ ...l, unit: units.get(unitId)! }))
    .sort((a, b) => a.unit.code.localeCompare(b.unit.code));
}

/** Events that made a unit end without a successor unit (for example the abolished district level). */
export async function endingEvents(db: Db, id: number) {
  return db
    .selectFrom('org_unit_event_unit as me')
    .innerJoin('org_unit_event as e', 'e.id', 'me.event_id')
    .where('me.unit_id', '=', id)
    .select(['e.id as eventId', 'e.event_date as date', 'e.kind', 'e.legal_basis as legalBasis', 'e.note', 'me.role'])
    .orderBy('e.event_date')
    .execute();
}

export async function boundaries(db: Db, asOf: string, level?: UnitLevel) {
  let q = db
    .selectFrom('org_unit as u')
    .innerJoin('org_unit_boundary as b', 'b.unit_id', 'u.id')
    .select(['u.id', 'u.code', 'u.name', 'u.type', 'u.level', 'b.geometry', 'b.source'])
    .where(inForce(asOf));
  if (level) q = q.where('u.level', '=', level);
  return q.orderBy('u.code').execute();
}

/** The codes of the unit rows given (any version), for naming units in messages. */
export async function codesByIds(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  return new Map((await db.selectFrom('org_unit').select(['id', 'code']).where('id', 'in', ids).execute()).map((u) => [u.id, u.code]));
}

/** Reorganisation events, by date, within the dates given. */
export function listEvents(db: Db, range: { from?: string; to?: string }) {
  let q = db.selectFrom('org_unit_event').select(['id', 'event_date as date', 'kind', 'legal_basis as legalBasis', 'note']);
  if (range.from) q = q.where('event_date', '>=', range.from);
  if (range.to) q = q.where('event_date', '<=', range.to);
  return q.orderBy('event_date').orderBy('id').execute();
}
