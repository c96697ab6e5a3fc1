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
 * Changes what an officer may change outside the state machine: priority, the published text, the category. A new
 * category re-routes an open case by the routing rules on today's hierarchy (the deadline the citizen was given stays).
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
    let rerouted: { id: number; name: string } | null = null;
    if (input.category && input.category !== c.category_code) {
      if (!recategorisable(c.state, ENDED_STATES)) throw new AppError('transition_refused', { action: 'recategorise', state: c.state }, 'category');
      const category = await getCategory(trx, kind, input.category);
      set.category_code = category.code;
      const target = c.place_unit_id ? routeFor(await freshReference(trx), { kind, category: category.code, placeUnitId: c.place_unit_id, date: vnDate(now) }) : null;
      if (target && target.id !== c.unit_id) {
        rerouted = target;
        Object.assign(set, { unit_id: target.id, state: 'routed', officer_id: null, escalated_to_unit_id: null, escalated_at: null });
      }
      const moved = rerouted ? { from: c.state, to: 'routed' as const, unitId: rerouted.id } : {};
      events.push({ action: 'recategorise', note: null, internal: false, ...moved, data: { from: c.category_code, to: category.code, unitId: rerouted?.id ?? c.unit_id } });
    }
    if (!events.length) return { id, changed: false };
    await updateCaseRow(trx, id, set);
    for (const e of events) await insertCaseEvent(trx, id, { kind: actor.kind, name: actorName(actor) }, kind, e, now);
    await recordAudit(trx, actor, { action: 'case.update', entity: 'case_record', entityId: id, before: { priority: c.priority, category: c.category_code, unitId: c.unit_id, publicDescription: c.public_description }, after: input }, request);
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
    const set: { hidden?: boolean; published?: Buffer | null } = {};
    if (input.hidden !== undefined) set.hidden = input.hidden;
    if (input.areas) set.published = input.areas.length ? await redactPhoto(m.original, input.areas) : null;
    if (!Object.keys(set).length) return { id: mediaId, changed: false };
    await updateMedia(trx, mediaId, set);
    await insertCaseEvent(trx, caseId, { kind: actor.kind, name: actorName(actor) }, kind, {
      action: 'redact_photo', internal: true, data: { mediaId, hidden: input.hidden, areas: input.areas?.length },
    }, now);
    await recordAudit(trx, actor, { action: 'case.redact_photo', entity: 'case_media', entityId: mediaId, before: { hidden: m.hidden }, after: { hidden: input.hidden, areas: input.areas } }, request);
    return { id: mediaId, changed: true };
  });
}
