import { ENDED_STATES, actOnCase, caseTimeline, openCase, STALE, withReference, type CaseReference, type ProcessedPhoto } from '../../core/cases/index.js';
import type { FastifyRequest } from 'fastify';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { inForce } from '../../core/org-units/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { publicText } from './privacy.js';

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const KIND = 'feedback';

export const ZFeedback = z.object({
  category: z.string().trim().regex(/^[A-Z_]{2,40}$/),
  description: z.string().trim().min(10).max(4000),
  placeUnitId: z.number().int().positive(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  anonymous: z.boolean().default(false),
  contact: z.object({
    name: z.string().trim().min(1).max(120).refine((s) => !/[<>\p{Cc}]/u.test(s), { message: 'name_chars' }),
    phone: z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/).optional(),
    email: z.string().trim().email().max(200).optional(),
  }).strict().optional(),
  // Decree 13/2023 on personal data: the citizen agrees, explicitly, to the use of the contact data.
  consent: z.literal(true, { message: 'consent_required' }),
  channel: z.enum(['web', 'app', 'hotline', 'walk_in', 'email']).default('web'),
}).strict();

/**
 * The unit responsible for a report: the first rule (in order) for its category, or for any category, applied to
 * the place on the day of the report — the commune itself, its parent, or a fixed unit.
 */
export function routeFor(ref: CaseReference, input: { category: string; placeUnitId: number; date: string }): { id: number; name: string } {
  const place = ref.unitInForce(input.placeUnitId, input.date);
  if (!place) throw new AppError('unit_not_in_force', { code: String(input.placeUnitId) }, 'placeUnitId');
  const unit = (id: number) => {
    const u = ref.unit(id)!;
    return { id: u.id, name: u.name };
  };
  for (const rule of ref.routingRules(KIND).filter((r) => r.category_code === null || r.category_code === input.category)) {
    if (rule.target === 'unit' && rule.unit_id) return unit(rule.unit_id);
    if (rule.target === 'place') break;
    if (rule.target === 'place_parent' && place.parentId) return unit(place.parentId);
  }
  return { id: place.id, name: place.name };
}

export type FeedbackInput = z.infer<typeof ZFeedback>;

/**
 * A citizen's report (or an operator's on a caller's behalf, or a partner system's): checked, routed on today's
 * hierarchy and received, against one version of the case reference (STALE when it changed: try again).
 */
export async function submitFeedbackWith(db: Db, ref: CaseReference, actor: Actor, input: FeedbackInput, now: Date, request?: FastifyRequest, photos: ProcessedPhoto[] = []) {
  const category = ref.category(KIND, input.category);
  if (!category) throw new AppError('reference_not_found', {}, 'category');
  if (input.anonymous && !category.allow_anonymous) throw new AppError('anonymous_not_accepted', { categoryVi: category.name_vi, categoryEn: category.name_en }, 'anonymous');
  if (!input.anonymous && !input.contact) throw new AppError('contact_required', {}, 'contact');
  const unit = routeFor(ref, { category: category.code, placeUnitId: input.placeUnitId, date: vnDate(now) });
  // Without a pin, the first photo's EXIF location stands for it (the photo itself keeps none).
  const located = input.lat !== undefined && input.lon !== undefined ? { lat: input.lat, lon: input.lon } : photos.find((p) => p.gps)?.gps ?? null;
  const opened = await openCase(db, ref, actor, {
    kind: KIND, category, description: input.description, channel: input.channel, placeUnitId: input.placeUnitId, unitId: unit.id,
    lat: located?.lat ?? null, lon: located?.lon ?? null, photos,
    data: { anonymous: input.anonymous, contact: input.anonymous ? null : input.contact, consentAt: now.toISOString() },
  }, now, request);
  if (opened === STALE) return STALE;
  return { trackingCode: opened.trackingCode, state: opened.state, dueDate: opened.dueDate, unit: { id: unit.id, name: unit.name }, photos: photos.length, located: located !== null };
}

export async function submitFeedback(db: Db, actor: Actor, input: FeedbackInput, now: Date, request?: FastifyRequest, photos: ProcessedPhoto[] = []) {
  return withReference(db, (ref) => submitFeedbackWith(db, ref, actor, input, now, request, photos));
}

/** What anyone may see of a report by its tracking code: no personal data, no internal note. */
export async function publicReport(db: Db, code: string) {
  const c = await db.selectFrom('case_record as c')
    .innerJoin('case_category as k', (j) => j.onRef('k.kind', '=', 'c.kind').onRef('k.code', '=', 'c.category_code'))
    .leftJoin('org_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('org_unit as p', 'p.id', 'c.place_unit_id')
    .select(['c.id', 'c.tracking_code as trackingCode', 'c.state', 'c.category_code as category', 'k.name_vi as categoryNameVi', 'k.name_en as categoryNameEn',
      'c.description', 'c.public_description', 'u.name as unit', 'p.name as place', 'c.received_at as receivedAt', 'c.due_date as dueDate', 'c.public_answer as answer', 'c.answered_at as answeredAt',
      'c.lat', 'c.lon'])
    .where('c.kind', '=', KIND).where('c.tracking_code', '=', code.toUpperCase()).executeTakeFirst();
  if (!c) throw notFound('code');
  const events = await caseTimeline(db, c.id, { includeInternal: false });
  const photos = await publicPhotos(db, c.id, c.trackingCode);
  const { id: _, public_description: _p, ...shown } = c;
  return { ...shown, description: publicText(c), photos, timeline: events.map((e) => ({ at: e.at, action: e.action, state: e.to_state, note: e.action === 'answer' || e.action === 'return' ? e.note : null })) };
}

/** The photos the public may see (hidden ones left out), with the address of their published copy. */
export async function publicPhotos(db: Db, caseId: number, code: string) {
  const rows = await db.selectFrom('case_media').select(['position', 'width', 'height']).where('case_id', '=', caseId).where('hidden', '=', false).orderBy('position').execute();
  return rows.map((m) => ({ ...m, url: `/api/public/feedback/${code}/photos/${m.position}` }));
}

/** A case for an officer of its units; reading the contact data of a non-anonymous reporter is audited. */
export async function caseForOfficer(db: Db, actor: Actor, id: number, request?: FastifyRequest) {
  const c = await db.selectFrom('case_record').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('id');
  const timeline = await caseTimeline(db, id, { includeInternal: true });
  const media = await db.selectFrom('case_media').select(['id', 'position', 'width', 'height', 'hidden', 'exif_lat as exifLat', 'exif_lon as exifLon'])
    .select((eb) => eb('published', 'is not', null).as('redacted')).where('case_id', '=', id).orderBy('position').execute();
  const contact = (c.data as { contact?: unknown }).contact ?? null;
  if (contact) await recordAudit(db, actor, { action: 'case.contact_read', entity: 'case_record', entityId: id }, request);
  return { ...c, publicText: publicText(c), media: media.map((m) => ({ ...m, url: `/api/feedback/cases/${id}/photos/${m.id}` })), timeline };
}

export const ZRating = z.object({
  rating: z.number().int().min(1).max(5),
  solved: z.boolean(),
  comment: z.string().trim().max(1000).optional(),
}).strict();

const REOPEN_WINDOW_DAYS = 7;

/**
 * The citizen rates the answer, once per answer. "Solved" closes the case; "not solved" within 7 days of the answer
 * reopens it for the unit (on its timeline); after that the rating is kept and the case closes.
 */
export async function rateReport(db: Db, code: string, input: z.infer<typeof ZRating>, now: Date) {
  const c = await db.selectFrom('case_record').select(['id', 'state', 'answered_at', 'data']).where('kind', '=', KIND).where('tracking_code', '=', code.toUpperCase()).executeTakeFirst();
  if (!c) throw notFound('code');
  if (!c.answered_at || !['answered', 'closed'].includes(c.state)) throw new AppError('transition_refused', { action: 'rate', state: c.state }, 'code');
  const data = c.data as { ratings?: { answeredAt: string }[] };
  if ((data.ratings ?? []).some((r) => r.answeredAt === c.answered_at!.toISOString())) {
    throw new AppError('already_exists', { what: 'rating' }, 'code');
  }
  const withinWindow = now.getTime() - c.answered_at.getTime() <= REOPEN_WINDOW_DAYS * 86_400_000;
  const citizen = { kind: 'system' as const, name: 'citizen' };
  const rating = { ...input, answeredAt: c.answered_at.toISOString(), at: now.toISOString() };
  await db.updateTable('case_record').set({ data: JSON.stringify({ ...c.data, ratings: [...(data.ratings ?? []), rating] }) }).where('id', '=', c.id).execute();
  if (!input.solved && withinWindow) {
    await actOnCase(db, citizen, c.id, { action: 'reopen', note: `Người dân đánh giá chưa được giải quyết (${input.rating}/5)${input.comment ? `: ${input.comment}` : ''}` }, now);
    return { state: 'in_progress' as const, reopened: true };
  }
  if (c.state === 'answered') await actOnCase(db, citizen, c.id, { action: 'close', note: `Đánh giá ${input.rating}/5` }, now);
  return { state: 'closed' as const, reopened: false };
}

export const DUPLICATE_DEFAULTS = { radiusMeters: 200, days: 14 };

/** How near and how recent a report must be to count as a possible duplicate (app_setting, with defaults). */
export async function duplicateSettings(db: Db): Promise<{ radiusMeters: number; days: number }> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'feedback.duplicates').executeTakeFirst();
  return { ...DUPLICATE_DEFAULTS, ...((row?.value as object | undefined) ?? {}) };
}

/**
 * Open reports of the same category near a point, received in the last days, nearest first: what a citizen is
 * shown before sending, and an officer before merging. Distances are great-circle, in metres.
 */
export async function nearbyReports(db: Db, input: { category: string; lat: number; lon: number; now: Date; excludeId?: number; limit?: number }) {
  const { radiusMeters, days } = await duplicateSettings(db);
  const dLat = radiusMeters / 111_320;
  const dLon = radiusMeters / (111_320 * Math.max(0.01, Math.cos((input.lat * Math.PI) / 180)));
  const since = new Date(input.now.getTime() - days * 86_400_000);
  const distance = sql<number>`6371000 * 2 * asin(sqrt(power(sin(radians(c.lat - ${input.lat}) / 2), 2) + cos(radians(${input.lat})) * cos(radians(c.lat)) * power(sin(radians(c.lon - ${input.lon}) / 2), 2)))`;
  let q = db.selectFrom('case_record as c')
    .select(['c.id', 'c.tracking_code as trackingCode', 'c.state', 'c.description', 'c.public_description', 'c.received_at as receivedAt', distance.as('distanceMeters')])
    .where('c.kind', '=', KIND).where('c.category_code', '=', input.category).where('c.received_at', '>=', since)
    .where('c.lat', 'is not', null)
    .where('c.lat', '>=', input.lat - dLat).where('c.lat', '<=', input.lat + dLat)
    .where('c.lon', '>=', input.lon - dLon).where('c.lon', '<=', input.lon + dLon)
    .where('c.state', 'not in', ENDED_STATES);
  if (input.excludeId) q = q.where('c.id', '!=', input.excludeId);
  const rows = await q.execute();
  return rows
    .filter((r) => r.distanceMeters <= radiusMeters)
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
    .slice(0, input.limit ?? 5)
    .map((r) => ({ ...r, distanceMeters: Math.round(r.distanceMeters), description: shorten(publicText(r), 160) }));
}

export const ZSubscribe = z.object({
  email: z.string().trim().email().max(200).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/).optional(),
  consent: z.literal(true, { message: 'consent_required' }),
}).strict().refine((s) => s.email || s.phone, { message: 'give an e-mail or a phone number', path: ['email'] });

/** A citizen follows an existing report instead of sending a duplicate; followers are told of the answer. */
export async function subscribe(db: Db, code: string, input: z.infer<typeof ZSubscribe>, now: Date) {
  const c = await db.selectFrom('case_record').select(['id', 'data', 'state']).where('kind', '=', KIND).where('tracking_code', '=', code.toUpperCase()).executeTakeFirst();
  if (!c) throw notFound('code');
  const data = c.data as { followers?: unknown[] };
  const follower = { email: input.email ?? null, phone: input.phone ?? null, consentAt: now.toISOString() };
  await db.updateTable('case_record').set({ data: JSON.stringify({ ...c.data, followers: [...(data.followers ?? []), follower] }) }).where('id', '=', c.id).execute();
  await db.insertInto('case_event').values({
    case_id: c.id, at: now, actor_kind: 'system', actor_name: 'citizen', action: 'follow', data: JSON.stringify({ kind: KIND, followers: (data.followers?.length ?? 0) + 1 }),
  }).execute();
  return { followers: (data.followers?.length ?? 0) + 1 };
}

export const ZPublicList = z.object({
  category: z.string().regex(/^[A-Z_]{2,40}$/).optional(),
  status: z.enum(['open', 'answered', 'closed']).optional(),
  placeUnitId: z.coerce.number().int().positive().optional(),
  /** The citizen's own reports: the tracking codes the device remembers. */
  codes: z.string().regex(/^[A-Za-z]{2}-[2-9A-Za-z]{4}-[2-9A-Za-z]{4}(,[A-Za-z]{2}-[2-9A-Za-z]{4}-[2-9A-Za-z]{4}){0,49}$/).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

const PUBLIC_STATUS = { open: ['received', 'routed', 'forwarded', 'accepted', 'in_progress'], answered: ['answered'], closed: ['closed'] } as const;

/** The public list and map of reports: no personal data, no returned or merged reports, newest first. */
export async function publicList(db: Db, query: z.infer<typeof ZPublicList>) {
  let q = db.selectFrom('case_record as c')
    .leftJoin('org_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('org_unit as p', 'p.id', 'c.place_unit_id')
    .where('c.kind', '=', KIND).where('c.state', 'not in', ['returned', 'merged']);
  if (query.category) q = q.where('c.category_code', '=', query.category);
  if (query.status) q = q.where('c.state', 'in', [...PUBLIC_STATUS[query.status]]);
  if (query.placeUnitId) q = q.where('c.place_unit_id', '=', query.placeUnitId);
  if (query.codes) q = q.where('c.tracking_code', 'in', query.codes.toUpperCase().split(','));
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(['c.id', 'c.tracking_code as trackingCode', 'c.category_code as category', 'c.state', 'u.name as unit', 'p.name as place',
    'c.received_at as receivedAt', 'c.due_date as dueDate', 'c.answered_at as answeredAt', 'c.lat', 'c.lon', 'c.description', 'c.public_description'])
    .select((eb) => eb.selectFrom('case_media as m').select((e) => e.fn.countAll<string>().as('n')).whereRef('m.case_id', '=', 'c.id').where('m.hidden', '=', false).as('photos'))
    .orderBy('c.received_at', 'desc').orderBy('c.id', 'desc')
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  return {
    total: Number(total.n), page: query.page, pageSize: query.pageSize,
    items: rows.map(({ id: _, description, public_description, photos, ...r }) => ({ ...r, photos: Number(photos ?? 0), description: shorten(publicText({ description, public_description }), 200) })),
  };
}

/** The commune in force on a date whose loaded boundary holds a point, or null (commune boundaries are optional data). */
export async function communeAt(db: Db, point: { lat: number; lon: number }, date: string): Promise<{ id: number; code: string; name: string } | null> {
  const boundaries = await db.selectFrom('org_unit as u').innerJoin('org_unit_boundary as b', 'b.unit_id', 'u.id')
    .select(['u.id', 'u.code', 'u.name', 'b.geometry']).where('u.level', '=', 'commune').where(inForce(date)).execute();
  const geo = { type: 'Point' as const, coordinates: [point.lon, point.lat] };
  const hit = boundaries.find((b) => booleanPointInPolygon(geo, b.geometry as never));
  return hit ? { id: hit.id, code: hit.code, name: hit.name } : null;
}

/**
 * The public map's outlines: the communes in force today when their boundaries are loaded (a pin then picks the
 * commune), otherwise the district outlines that ship with the reference data, as a background only.
 */
export async function publicMapOutlines(db: Db, date: string) {
  const communes = await db.selectFrom('org_unit as u').innerJoin('org_unit_boundary as b', 'b.unit_id', 'u.id')
    .select(['u.id', 'u.code', 'u.name', 'b.geometry']).where('u.level', '=', 'commune').where(inForce(date)).orderBy('u.code').execute();
  const rows = communes.length ? communes : await db.selectFrom('org_unit as u').innerJoin('org_unit_boundary as b', 'b.unit_id', 'u.id')
    .select(['u.id', 'u.code', 'u.name', 'b.geometry']).where('u.level', '=', 'district').orderBy('u.code').execute();
  return {
    picksCommune: communes.length > 0,
    outlines: { type: 'FeatureCollection' as const, features: rows.map((r) => ({ type: 'Feature' as const, id: r.id, geometry: r.geometry, properties: { id: r.id, code: r.code, name: r.name } })) },
  };
}
