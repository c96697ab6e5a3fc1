import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../server/errors.js';
import { type Actor, actorName, scopeUnitIds } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { vnDate } from '../../calendar/index.js';
import { redactPhoto } from '../media.js';
import { queueCaseNotices } from '../notices.js';
import { mayHandle, recategorisable, routeFor } from '../policy.js';
import { freshReference } from '../reference.js';
import { getCaseRow, getMedia, insertCaseEvent, updateCaseRow, updateMedia, type CaseChange, type CaseEventInput } from '../repo.js';
import type { CaseUpdate, RedactInput } from '../schema.js';
import { ENDED_STATES } from '../state-machine.js';
import { getCategory } from './open-case.js';

/** A case of a kind the actor may handle, locked for the change. */
export async function caseToChange(db: Db, actor: Actor, kind: string, id: number) {
  const c = await getCaseRow(db, id, { kind, lock: true });
  if (!c) throw notFound('id');
  if (!mayHandle(await scopeUnitIds(db, actor), c)) throw new AppError('out_of_scope', {}, 'id');
  return c;
}

export interface UpdateCaseOptions { db: Db; actor: Actor; kind: string; id: number; input: CaseUpdate; now: Date; request?: FastifyRequest }

/**
 * Changes what an officer may change outside the state machine: priority, the published text, the category, the place
 * (a triage unit placing a report that came without a commune). A new category or place re-routes an open case by the
 * routing rules on today's hierarchy (the deadline the citizen was given stays).
 */
export async function updateCase({ db, actor, kind, id, input, now, request }: UpdateCaseOptions) {
  return inTransaction(db, async (trx) => {
    const c = await caseToChange(trx, actor, kind, id);
    const set: CaseChange = { updated_at: now };
    const events: (CaseEventInput & { internal: boolean })[] = [];
    if (input.priority && input.priority !== c.priority) {
      set.priority = input.priority;
      events.push({ action: 'priority', note: null, internal: true, data: { from: c.priority, to: input.priority } });
    }
    if (input.publicDescription !== undefined && input.publicDescription !== c.public_description) {
      set.public_description = input.publicDescription;
      events.push({ action: 'publish_text', note: null, internal: true, data: { replaced: input.publicDescription !== null } });
    }
    const categoryChanged = input.category !== undefined && input.category !== c.category_code;
    const placeChanged = input.placeUnitId !== undefined && input.placeUnitId !== c.place_unit_id;
    let rerouted: { id: number; name: string } | null = null;
    if (categoryChanged || placeChanged) {
      const field = categoryChanged ? 'category' : 'placeUnitId';
      if (!recategorisable(c.state, ENDED_STATES)) throw new AppError('transition_refused', { action: categoryChanged ? 'recategorise' : 'place', state: c.state }, field);
      const ref = await freshReference(trx);
      const today = vnDate(now);
      const category = categoryChanged ? await getCategory(trx, kind, input.category!) : null;
      if (category) set.category_code = category.code;
      if (placeChanged) {
        const place = ref.unitInForce(input.placeUnitId!, today);
        if (place?.level !== 'commune') throw new AppError('unit_not_in_force', { code: String(input.placeUnitId) }, 'placeUnitId');
        set.place_unit_id = place.id;
      }
      // A new category or place routes the case again by the rules, on today's hierarchy.
      const placeUnitId = set.place_unit_id ?? c.place_unit_id;
      const target = placeUnitId ? routeFor(ref, { kind, category: category?.code ?? c.category_code, placeUnitId, date: today }) : null;
      if (target && target.id !== c.unit_id) {
        rerouted = target;
        Object.assign(set, { unit_id: target.id, state: 'routed', officer_id: null, escalated_to_unit_id: null, escalated_at: null });
      }
      const moved = rerouted ? { from: c.state, to: 'routed' as const, unitId: rerouted.id } : {};
      if (placeChanged) events.push({ action: 'place', note: null, internal: false, ...(category ? {} : moved), data: { from: c.place_unit_id, to: set.place_unit_id, unitId: rerouted?.id ?? c.unit_id } });
      if (category) events.push({ action: 'recategorise', note: null, internal: false, ...moved, data: { from: c.category_code, to: category.code, unitId: rerouted?.id ?? c.unit_id } });
    }
    if (!events.length) return { id, changed: false };
    await updateCaseRow(trx, id, set);
    for (const e of events) await insertCaseEvent(trx, id, { kind: actor.kind, name: actorName(actor) }, kind, e, now);
    await recordAudit(trx, actor, { action: 'case.update', entity: 'case_record', entityId: id, before: { priority: c.priority, category: c.category_code, placeUnitId: c.place_unit_id, unitId: c.unit_id, publicDescription: c.public_description }, after: input }, request);
    if (rerouted) await queueCaseNotices(trx, id, 'routed');
    return { id, changed: true, unit: rerouted };
  });
}

export interface RedactCasePhotoOptions { db: Db; actor: Actor; kind: string; caseId: number; mediaId: number; input: RedactInput; now: Date; request?: FastifyRequest }

/** Hides a photo from the public, or publishes a copy with areas blurred; the original stays for the unit. */
export async function redactCasePhoto({ db, actor, kind, caseId, mediaId, input, now, request }: RedactCasePhotoOptions) {
  return inTransaction(db, async (trx) => {
    await caseToChange(trx, actor, kind, caseId);
    const m = await getMedia(trx, caseId, mediaId);
    if (!m) throw notFound('mediaId');
    if (input.hidden === undefined && !input.areas) return { id: mediaId, changed: false };
    // Blurring is a review that publishes the blurred copy, unless the officer also hides the photo.
    const set = {
      hidden: input.hidden ?? (input.areas ? false : m.hidden), reviewed_at: now,
      ...(input.areas ? { published: input.areas.length ? await redactPhoto(m.original, input.areas) : null } : {}),
    };
    await updateMedia(trx, mediaId, set);
    await insertCaseEvent(trx, caseId, { kind: actor.kind, name: actorName(actor) }, kind, {
      action: 'redact_photo', internal: true, data: { mediaId, hidden: input.hidden, areas: input.areas?.length },
    }, now);
    await recordAudit(trx, actor, { action: 'case.redact_photo', entity: 'case_media', entityId: mediaId, before: { hidden: m.hidden }, after: { hidden: input.hidden, areas: input.areas } }, request);
    return { id: mediaId, changed: true };
  });
}
