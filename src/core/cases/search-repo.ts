import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../db/like.js';
import type { CaseState } from './state-machine.js';

// The SQL that lists and searches cases: inboxes, public lists and maps, nearby duplicates, partner feeds and
// figures, with unit and officer names joined in for display.

export interface CaseSearch {
  kind: string;
  /** The actor's units (null: all): a case shows where it is held or escalated to. */
  scope: Set<number> | null;
  /** Any of these states; located: with a point. */
  states?: readonly CaseState[];
  located?: boolean;
  /** Past due in one of these states, on this day. */
  overdue?: { today: string; states: CaseState[] };
  category?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  officerId?: number;
  code?: string;
  text?: string;
  limit: number;
}

/** An officer's inbox: the cases of its units, soonest due first. */
export function searchCaseRows(db: Db, f: CaseSearch) {
  let q = db.selectFrom('case_record as c').leftJoin('org_unit as u', 'u.id', 'c.unit_id').leftJoin('app_user as o', 'o.id', 'c.officer_id')
    .select(['c.id', 'c.tracking_code as trackingCode', 'c.category_code as category', 'c.state', 'c.priority', 'c.unit_id as unitId', 'u.name as unit',
      'c.received_at as receivedAt', 'c.due_date as dueDate', 'c.escalated_to_unit_id as escalatedToUnitId', 'c.description', 'c.lat', 'c.lon',
      'c.officer_id as officerId', 'o.display_name as officer'])
    .where('c.kind', '=', f.kind);
  const scope = f.scope;
  if (scope) q = q.where((eb) => eb.or([eb('c.unit_id', 'in', [...scope]), eb('c.escalated_to_unit_id', 'in', [...scope])]));
  if (f.states) q = q.where('c.state', 'in', [...f.states]);
  if (f.located) q = q.where('c.lat', 'is not', null).where('c.lon', 'is not', null);
  if (f.overdue) q = q.where('c.due_date', '<', f.overdue.today).where('c.state', 'in', f.overdue.states);
  if (f.category) q = q.where('c.category_code', '=', f.category);
  if (f.priority) q = q.where('c.priority', '=', f.priority);
  if (f.officerId !== undefined) q = q.where('c.officer_id', '=', f.officerId);
  if (f.code) q = q.where('c.tracking_code', '=', f.code.toUpperCase());
  // Citizens on the phone quote their tracking code: the search box finds it, and words of the description.
  const pattern = f.text ? containsPattern(f.text.trim()) : undefined;
  if (pattern) q = q.where((eb) => eb.or([eb('c.description', 'ilike', pattern), eb('c.tracking_code', 'ilike', pattern)]));
  return q.orderBy('c.due_date').orderBy('c.id').limit(f.limit).execute();
}

/** A case as anyone may read it by its code, with its category's and units' names. */
export function publicCaseRow(db: Db, kind: string, code: string) {
  return db.selectFrom('case_record as c')
    .innerJoin('case_category as k', (j) => j.onRef('k.kind', '=', 'c.kind').onRef('k.code', '=', 'c.category_code'))
    .leftJoin('org_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('org_unit as p', 'p.id', 'c.place_unit_id')
    .select(['c.id', 'c.tracking_code as trackingCode', 'c.state', 'c.category_code as category', 'k.name_vi as categoryNameVi', 'k.name_en as categoryNameEn',
      'c.description', 'c.public_description', 'u.name as unit', 'p.name as place', 'c.received_at as receivedAt', 'c.due_date as dueDate', 'c.public_answer as answer', 'c.answered_at as answeredAt',
      'c.lat', 'c.lon'])
    .where('c.kind', '=', kind).where('c.tracking_code', '=', code.toUpperCase()).executeTakeFirst();
}

export interface PublicCaseFilter {
  kind: string;
  hiddenStates: CaseState[];
  category?: string;
  states?: CaseState[];
  placeUnitId?: number;
  codes?: string[];
  page: number;
  pageSize: number;
}

/** A page of the public list, newest first, with its shown photos' count, and the total. */
export async function publicCasePage(db: Db, f: PublicCaseFilter) {
  let q = db.selectFrom('case_record as c')
    .leftJoin('org_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('org_unit as p', 'p.id', 'c.place_unit_id')
    .where('c.kind', '=', f.kind).where('c.state', 'not in', f.hiddenStates);
  if (f.category) q = q.where('c.category_code', '=', f.category);
  if (f.states) q = q.where('c.state', 'in', f.states);
  if (f.placeUnitId) q = q.where('c.place_unit_id', '=', f.placeUnitId);
  if (f.codes) q = q.where('c.tracking_code', 'in', f.codes);
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(['c.id', 'c.tracking_code as trackingCode', 'c.category_code as category', 'c.state', 'u.name as unit', 'p.name as place',
    'c.received_at as receivedAt', 'c.due_date as dueDate', 'c.answered_at as answeredAt', 'c.lat', 'c.lon', 'c.description', 'c.public_description'])
    .select((eb) => eb.selectFrom('case_media as m').select((e) => e.fn.countAll<string>().as('n')).whereRef('m.case_id', '=', 'c.id').where('m.hidden', '=', false).as('photos'))
    .orderBy('c.received_at', 'desc').orderBy('c.id', 'desc')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { total: Number(total.n), rows };
}

export interface NearbySearch {
  kind: string;
  category: string;
  lat: number;
  lon: number;
  radiusMeters: number;
  since: Date;
  endedStates: CaseState[];
  excludeId?: number;
}

/**
 * Open cases of a category received since a time in a box around a point, each with its great-circle distance in
 * metres (the box uses the index of migration 0009; the caller keeps those within the radius).
 */
export function casesNear(db: Db, f: NearbySearch) {
  const dLat = f.radiusMeters / 111_320;
  const dLon = f.radiusMeters / (111_320 * Math.max(0.01, Math.cos((f.lat * Math.PI) / 180)));
  const distance = sql<number>`6371000 * 2 * asin(sqrt(power(sin(radians(c.lat - ${f.lat}) / 2), 2) + cos(radians(${f.lat})) * cos(radians(c.lat)) * power(sin(radians(c.lon - ${f.lon}) / 2), 2)))`;
  let q = db.selectFrom('case_record as c')
    .select(['c.id', 'c.tracking_code as trackingCode', 'c.state', 'c.description', 'c.public_description', 'c.received_at as receivedAt', distance.as('distanceMeters')])
    .where('c.kind', '=', f.kind).where('c.category_code', '=', f.category).where('c.received_at', '>=', f.since)
    .where('c.lat', 'is not', null)
    .where('c.lat', '>=', f.lat - dLat).where('c.lat', '<=', f.lat + dLat)
    .where('c.lon', '>=', f.lon - dLon).where('c.lon', '<=', f.lon + dLon)
    .where('c.state', 'not in', f.endedStates);
  if (f.excludeId) q = q.where('c.id', '!=', f.excludeId);
  return q.execute();
}

export interface FeedSearch {
  kind: string;
  codes?: string[];
  received?: { from: Date; to: Date };
  categories?: string[];
  states?: { in: boolean; list: CaseState[] };
  /** States left out of the feed (returned, merged), as the public list leaves them out. */
  hiddenStates?: CaseState[];
  page: number;
  pageSize: number;
}

/** Cases for a partner system's feed (Open311), newest first, with the position of the first shown photo. */
export function feedCaseRows(db: Db, f: FeedSearch) {
  let q = db.selectFrom('case_record as c')
    .innerJoin('case_category as k', (j) => j.onRef('k.kind', '=', 'c.kind').onRef('k.code', '=', 'c.category_code'))
    .leftJoin('org_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('org_unit as p', 'p.id', 'c.place_unit_id')
    .select(['c.id', 'c.tracking_code', 'c.state', 'c.public_answer', 'k.name_vi', 'c.category_code', 'c.description', 'u.name as unit', 'c.received_at',
      'c.updated_at', 'c.due_date', 'p.name as place', 'p.code as place_code', 'c.lat', 'c.lon', 'c.public_description'])
    .select((eb) => eb.selectFrom('case_media as m').select((e) => e.fn.min<number>('m.position').as('p')).whereRef('m.case_id', '=', 'c.id').where('m.hidden', '=', false).as('photo'))
    .where('c.kind', '=', f.kind);
  if (f.codes) q = q.where('c.tracking_code', 'in', f.codes);
  if (f.received) q = q.where('c.received_at', '>=', f.received.from).where('c.received_at', '<=', f.received.to);
  if (f.categories) q = q.where('c.category_code', 'in', f.categories);
  if (f.states) q = q.where('c.state', f.states.in ? 'in' : 'not in', f.states.list);
  if (f.hiddenStates?.length) q = q.where('c.state', 'not in', f.hiddenStates);
  return q.orderBy('c.received_at', 'desc').orderBy('c.id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
}

export interface StateChangeSearch { kind: string; from: Date; to: Date; limit: number; hiddenStates: CaseState[] }

/** Public state changes of shown cases between two times, oldest first (FixMyStreet's update feed). */
export function stateChangesBetween(db: Db, f: StateChangeSearch) {
  let q = db.selectFrom('case_event as e').innerJoin('case_record as c', 'c.id', 'e.case_id')
    .select(['e.id', 'c.tracking_code', 'e.to_state', 'e.at', 'e.action', 'e.note'])
    .where('c.kind', '=', f.kind).where('e.internal', '=', false).where('e.to_state', 'is not', null)
    .where('e.at', '>=', f.from).where('e.at', '<=', f.to);
  if (f.hiddenStates.length) q = q.where('c.state', 'not in', f.hiddenStates);
  return q.orderBy('e.id').limit(f.limit).execute();
}

/** Every case of a kind held by a unit, with what its figures count. */
export function casesForFigures(db: Db, kind: string) {
  return db.selectFrom('case_record').select(['unit_id', 'category_code', 'received_at', 'answered_at', 'due_date', 'state', 'data'])
    .where('kind', '=', kind).where('unit_id', 'is not', null).execute();
}

/** Ended cases last changed before a time that still hold a reporter's or followers' contact data. */
export function endedCasesWithContacts(db: Db, kind: string, endedStates: CaseState[], before: Date) {
  return db.selectFrom('case_record').select(['id', 'data']).where('kind', '=', kind)
    .where('state', 'in', endedStates).where('updated_at', '<', before)
    .where(sql<boolean>`(jsonb_typeof(data->'contact') = 'object' OR data ? 'followers')`)
    .execute();
}
