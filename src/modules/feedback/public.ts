import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Db } from '../../db/database.js';
import {
  activeCategories, caseTimeline, casesNear, ENDED_STATES, findShownPhoto, listShownPhotos, publicCase, publicCasePage,
} from '../../core/cases/index.js';
import { notFound } from '../../server/errors.js';
import { HIDDEN_FROM_PUBLIC, KIND, PUBLIC_STATUS, publicNote, shorten } from './policy.js';
import { publicText, publicWords } from './privacy.js';
import { communeBoundaries, communesByName, districtBoundaries, setting } from './repo.js';
import type { PublicListQuery } from './schema.js';

// What anyone may read of feedback, without an account: never personal data, never an internal note.

export async function listCategories(db: Db) {
  return (await activeCategories(db, KIND)).map((c) => ({
    code: c.code, nameVi: c.name_vi, nameEn: c.name_en, deadlineWorkingDays: c.deadline_working_days, allowAnonymous: c.allow_anonymous,
  }));
}

/** A report by its tracking code, with its shown photos and public timeline. */
export async function publicReport(db: Db, code: string) {
  const c = await publicCase(db, KIND, code);
  if (!c) throw notFound('code');
  const events = await caseTimeline(db, c.id, { includeInternal: false });
  const photos = await publicPhotos(db, c.id, c.trackingCode);
  const { id: _, public_description: _p, ...shown } = c;
  return { ...shown, answer: publicWords(shown.answer), description: publicText(c), photos, timeline: events.map((e) => ({ at: e.at, action: e.action, state: e.to_state, note: publicNote(e) })) };
}

/** The photos the public may see (hidden ones left out), with the address of their published copy. */
export async function publicPhotos(db: Db, caseId: number, code: string) {
  const rows = await listShownPhotos(db, caseId);
  return rows.map((m) => ({ ...m, url: `/api/public/feedback/${code}/photos/${m.position}` }));
}

/** A shown photo of a public report: the blurred copy when an officer published one. */
export async function publicPhoto(db: Db, code: string, position: number) {
  const m = await findShownPhoto(db, { kind: KIND, code, position, hiddenStates: HIDDEN_FROM_PUBLIC });
  if (!m) throw notFound('n');
  return { contentType: m.content_type, image: m.published ?? m.original };
}

/** The public list and map of reports: no personal data, no returned or merged reports, newest first. */
export async function publicList(db: Db, query: PublicListQuery) {
  const { total, rows } = await publicCasePage(db, {
    kind: KIND, hiddenStates: HIDDEN_FROM_PUBLIC, category: query.category, states: query.status ? PUBLIC_STATUS[query.status] : undefined,
    placeUnitId: query.placeUnitId, codes: query.codes?.toUpperCase().split(','), page: query.page, pageSize: query.pageSize,
  });
  return {
    total, page: query.page, pageSize: query.pageSize,
    items: rows.map(({ id: _, description, public_description, photos, ...r }) => ({ ...r, photos: Number(photos ?? 0), description: shorten(publicText({ description, public_description }), 200) })),
  };
}

export const DUPLICATE_DEFAULTS = { radiusMeters: 200, days: 14 };

/** How near and how recent a report must be to count as a possible duplicate (app_setting, with defaults). */
export async function duplicateSettings(db: Db): Promise<{ radiusMeters: number; days: number }> {
  return { ...DUPLICATE_DEFAULTS, ...((await setting(db, 'feedback.duplicates') as object | undefined) ?? {}) };
}

/**
 * Open reports of the same category near a point, received in the last days, nearest first: what a citizen is
 * shown before sending, and an officer before merging. Distances are great-circle, in metres.
 */
export async function nearbyReports(db: Db, input: { category: string; lat: number; lon: number; now: Date; excludeId?: number; limit?: number }) {
  const { radiusMeters, days } = await duplicateSettings(db);
  const since = new Date(input.now.getTime() - days * 86_400_000);
  const rows = await casesNear(db, { kind: KIND, category: input.category, lat: input.lat, lon: input.lon, radiusMeters, since, endedStates: ENDED_STATES, excludeId: input.excludeId });
  return rows
    .filter((r) => r.distanceMeters <= radiusMeters)
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
    .slice(0, input.limit ?? 5)
    .map((r) => ({ ...r, distanceMeters: Math.round(r.distanceMeters), description: shorten(publicText(r), 160) }));
}

/** The commune in force on a date whose loaded boundary holds a point, or null (commune boundaries are optional data). */
export async function communeAt(db: Db, point: { lat: number; lon: number }, date: string): Promise<{ id: number; code: string; name: string } | null> {
  const boundaries = await communeBoundaries(db, date);
  const geo = { type: 'Point' as const, coordinates: [point.lon, point.lat] };
  const hit = boundaries.find((b) => booleanPointInPolygon(geo, b.geometry as never));
  return hit ? { id: hit.id, code: hit.code, name: hit.name } : null;
}

/** The communes a citizen can pick, in force on the day. */
export const listPlaces = (db: Db, date: string) => communesByName(db, date);

/**
 * The public map's outlines: the communes in force today when their boundaries are loaded (a pin then picks the
 * commune), otherwise the district outlines that ship with the reference data, as a background only.
 */
export async function publicMapOutlines(db: Db, date: string) {
  const communes = await communeBoundaries(db, date);
  const rows = communes.length ? communes : await districtBoundaries(db);
  return {
    picksCommune: communes.length > 0,
    outlines: { type: 'FeatureCollection' as const, features: rows.map((r) => ({ type: 'Feature' as const, id: r.id, geometry: r.geometry, properties: { id: r.id, code: r.code, name: r.name } })) },
  };
}
