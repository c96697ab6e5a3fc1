import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { type Actor, assertUnitInScope, scopeUnitIds } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { descendants } from '../../core/org-units/index.js';
import { caseTimeline, getCase, getCasePhoto, HANDLING_STATES, listCasePhotos, mayRead, searchCases } from '../../core/cases/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { KIND } from './policy.js';
import { publicText } from './privacy.js';
import { nearbyReports } from './public.js';
import { officersOfUnit } from './repo.js';
import type { CaseQuery } from './schema.js';

// What the officers of a unit read of its feedback.

/** The inbox: the cases the actor's units hold or were escalated to, soonest due first. */
export async function listCases({ db, actor, query, now }: { db: Db; actor: Actor; query: CaseQuery; now: Date }) {
  return searchCases(db, {
    kind: KIND, scope: await casesScope(db, actor, query.unitId, vnDate(now)), states: query.state ? [query.state] : undefined, category: query.category, priority: query.priority, code: query.code, text: query.q,
    overdue: query.overdue === 'true' ? { today: vnDate(now), states: HANDLING_STATES } : undefined,
    officerId: query.mine === 'true' ? (actor.kind === 'user' ? actor.id : 0) : undefined,
    limit: query.limit,
  });
}

/** The units whose cases a list shows: the actor's, narrowed to one unit and those below it when asked. */
async function casesScope(db: Db, actor: Actor, unitId: number | undefined, today: string): Promise<Set<number> | null> {
  const scope = await scopeUnitIds(db, actor);
  if (unitId === undefined) return scope;
  const below = [unitId, ...(await descendants(db, unitId, today)).map((u) => u.id)];
  const shown = new Set(scope ? below.filter((id) => scope.has(id)) : below);
  // A unit wholly outside the reader's own is refused, as everywhere, rather than answered with nothing.
  if (shown.size === 0) await assertUnitInScope(db, actor, unitId, 'unitId');
  return shown;
}

/** A feedback case the actor may read through its unit, its place or the unit it was escalated to. */
async function readableCase(db: Db, actor: Actor, id: number, through: 'held' | 'escalated') {
  const c = await getCase(db, id);
  if (!c || c.kind !== KIND) throw new AppError('not_found', {}, 'id');
  const units = through === 'escalated' ? [c.unit_id, c.place_unit_id, c.escalated_to_unit_id] : [c.unit_id, c.place_unit_id];
  if (!mayRead(await scopeUnitIds(db, actor), units)) throw new AppError('out_of_scope', {}, 'id');
  return c;
}

/** A case for an officer of its units; reading the contact data of a non-anonymous reporter is audited. */
export async function caseForOfficer({ db, actor, id, request }: { db: Db; actor: Actor; id: number; request?: FastifyRequest }) {
  const c = await readableCase(db, actor, id, 'escalated');
  const timeline = await caseTimeline(db, id, { includeInternal: true });
  const media = await listCasePhotos(db, id);
  const contact = (c.data as { contact?: unknown }).contact ?? null;
  if (contact) await recordAudit(db, actor, { action: 'case.contact_read', entity: 'case_record', entityId: id }, request);
  return { ...c, publicText: publicText(c), media: media.map((m) => ({ ...m, url: `/api/feedback/cases/${id}/photos/${m.id}` })), timeline };
}

/** The open reports near a case that may be its duplicates. */
export async function duplicatesOf({ db, actor, id, now }: { db: Db; actor: Actor; id: number; now: Date }) {
  const c = await readableCase(db, actor, id, 'held');
  if (c.lat === null || c.lon === null) return [];
  return nearbyReports(db, { category: c.category_code, lat: c.lat, lon: c.lon, now, excludeId: c.id });
}

/** A photo of a case as the unit sees it: the citizen's original, or the published copy. */
export async function officerPhoto({ db, actor, id, mediaId, version }: { db: Db; actor: Actor; id: number; mediaId: number; version: 'original' | 'published' }) {
  await readableCase(db, actor, id, 'escalated');
  const m = await getCasePhoto(db, id, mediaId);
  if (!m) throw notFound('mediaId');
  return { contentType: m.content_type, image: version === 'published' ? m.published ?? m.original : m.original };
}

/** The officers a case of a unit of the actor's can be given to. */
export async function listOfficers({ db, actor, unitId }: { db: Db; actor: Actor; unitId: number }) {
  await assertUnitInScope(db, actor, unitId, 'unitId');
  return officersOfUnit(db, unitId);
}
