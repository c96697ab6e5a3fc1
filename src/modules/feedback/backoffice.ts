import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { type Actor, actorName, scopeUnitIds } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { actOnCase, assignCase, getCategory, queueCaseNotices, CASE_ACTIONS, ENDED_STATES, redactPhoto, freshReference } from '../../core/cases/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { KIND, routeFor } from './service.js';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** A feedback case the actor may handle: its unit, or its place while it has none, must be in the actor's units. */
async function caseInScope(db: Db, actor: Actor, id: number) {
  const c = await db.selectFrom('case_record').selectAll().where('id', '=', id).where('kind', '=', KIND).forUpdate().executeTakeFirst();
  if (!c) throw notFound('id');
  const scope = await scopeUnitIds(db, actor);
  const responsible = c.unit_id ?? c.place_unit_id;
  if (scope && (responsible === null || !scope.has(responsible))) throw new AppError('out_of_scope', {}, 'id');
  return c;
}

export const ZCaseUpdate = z.object({
  priority: z.enum(PRIORITIES).optional(),
  /** The text the public reads instead of the citizen's (personal data taken out); null returns to the masked original. */
  publicDescription: z.string().trim().min(10).max(4000).nullable().optional(),
  /** A new category: the case is routed again by the rules for it. */
  category: z.string().trim().regex(/^[A-Z_]{2,40}$/).optional(),
}).strict();

/**
 * Changes what an officer may change outside the state machine: priority, the published text, the category. A new
 * category re-routes an open case by the routing rules on today's hierarchy (the deadline the citizen was given stays).
 */
export async function updateCase(db: Db, actor: Actor, id: number, input: z.infer<typeof ZCaseUpdate>, now: Date, request?: FastifyRequest) {
  return inTransaction(db, async (trx) => {
    const c = await caseInScope(trx, actor, id);
    const set: Record<string, unknown> = { updated_at: now };
    const events: { action: string; note: string | null; internal: boolean; data: Record<string, unknown> }[] = [];
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
      if (ENDED_STATES.includes(c.state) || c.state === 'answered') throw new AppError('transition_refused', { action: 'recategorise', state: c.state }, 'category');
      const category = await getCategory(trx, KIND, input.category);
      set.category_code = category.code;
      const target = c.place_unit_id ? routeFor(await freshReference(trx), { category: category.code, placeUnitId: c.place_unit_id, date: vnDate(now) }) : null;
      if (target && target.id !== c.unit_id) {
        rerouted = target;
        Object.assign(set, { unit_id: target.id, state: 'routed', officer_id: null, escalated_to_unit_id: null, escalated_at: null });
      }
      events.push({ action: 'recategorise', note: null, internal: false, data: { from: c.category_code, to: category.code, unitId: rerouted?.id ?? c.unit_id } });
    }
    if (!events.length) return { id, changed: false };
    await trx.updateTable('case_record').set(set).where('id', '=', id).execute();
    for (const e of events) {
      await trx.insertInto('case_event').values({
        case_id: id, at: now, actor_kind: actor.kind, actor_name: actorName(actor), action: e.action, note: e.note, internal: e.internal,
        from_state: rerouted && e.action === 'recategorise' ? c.state : null, to_state: rerouted && e.action === 'recategorise' ? 'routed' : null,
        unit_id: rerouted && e.action === 'recategorise' ? rerouted.id : null, data: JSON.stringify({ kind: KIND, ...e.data }),
      }).execute();
    }
    await recordAudit(trx, actor, { action: 'case.update', entity: 'case_record', entityId: id, before: { priority: c.priority, category: c.category_code, unitId: c.unit_id, publicDescription: c.public_description }, after: input }, request);
    if (rerouted) await queueCaseNotices(trx, id, 'routed');
    return { id, changed: true, unit: rerouted };
  });
}

export const ZBulk = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(200),
  action: z.enum(['assign', 'priority', ...CASE_ACTIONS]),
  officerId: z.number().int().positive().optional(),
  unitId: z.number().int().positive().optional(),
  priority: z.enum(PRIORITIES).optional(),
  note: z.string().trim().min(1).max(4000).optional(),
}).strict();

/**
 * One step for many cases at once (assign to an officer, set a priority, accept, route…), all or nothing: if one
 * case refuses, none changes and the answer names it.
 */
export async function bulkAct(db: Db, actor: Actor, input: z.infer<typeof ZBulk>, now: Date, request?: FastifyRequest) {
  if (input.action === 'assign' && !input.officerId) throw new AppError('field_required_for_action', { action: 'assign', field: 'officerId' }, 'officerId');
  if (input.action === 'priority' && !input.priority) throw new AppError('field_required_for_action', { action: 'priority', field: 'priority' }, 'priority');
  if (input.action === 'answer' || input.action === 'merge') throw new AppError('action_single_only', { action: input.action }, 'action');
  const ids = [...new Set(input.ids)];
  return inTransaction(db, async (trx) => {
    for (const [index, id] of ids.entries()) {
      try {
        if (input.action === 'assign') await assignCase(trx, actor, id, input.officerId!, now, request);
        else if (input.action === 'priority') await updateCase(trx, actor, id, { priority: input.priority }, now, request);
        else await actOnCase(trx, actor, id, { action: input.action, unitId: input.unitId, officerId: input.officerId, note: input.note }, now, request);
      } catch (err) {
        if (err instanceof AppError) {
          throw new AppError(err.code, err.params, `ids.${index}`, { details: [{ caseId: id, field: err.field }] });
        }
        throw err;
      }
    }
    return { done: ids.length };
  });
}

export const ZRedact = z.object({
  hidden: z.boolean().optional(),
  /** Areas to blur in the published copy, as fractions of the photo; an empty list publishes the photo unblurred. */
  areas: z.array(z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().gt(0).max(1), h: z.number().gt(0).max(1) }).strict()).max(20).optional(),
}).strict();

/** Hides a photo from the public, or publishes a copy with areas blurred; the original stays for the unit. */
export async function redactCasePhoto(db: Db, actor: Actor, caseId: number, mediaId: number, input: z.infer<typeof ZRedact>, now: Date, request?: FastifyRequest) {
  return inTransaction(db, async (trx) => {
    await caseInScope(trx, actor, caseId);
    const m = await trx.selectFrom('case_media').select(['id', 'original', 'hidden']).where('id', '=', mediaId).where('case_id', '=', caseId).executeTakeFirst();
    if (!m) throw notFound('mediaId');
    const set: { hidden?: boolean; published?: Buffer | null } = {};
    if (input.hidden !== undefined) set.hidden = input.hidden;
    if (input.areas) set.published = input.areas.length ? await redactPhoto(m.original, input.areas) : null;
    if (!Object.keys(set).length) return { id: mediaId, changed: false };
    await trx.updateTable('case_media').set(set).where('id', '=', mediaId).execute();
    await trx.insertInto('case_event').values({
      case_id: caseId, at: now, actor_kind: actor.kind, actor_name: actorName(actor), action: 'redact_photo', internal: true,
      data: JSON.stringify({ kind: KIND, mediaId, hidden: input.hidden, areas: input.areas?.length }),
    }).execute();
    await recordAudit(trx, actor, { action: 'case.redact_photo', entity: 'case_media', entityId: mediaId, before: { hidden: m.hidden }, after: { hidden: input.hidden, areas: input.areas } }, request);
    return { id: mediaId, changed: true };
  });
}

export const ZTemplate = z.object({
  title: z.string().trim().min(2).max(200),
  body: z.string().trim().min(10).max(8000),
  category: z.string().trim().regex(/^[A-Z_]{2,40}$/).nullable().default(null),
}).strict();

export async function saveTemplate(db: Db, actor: Actor, id: number | null, input: z.infer<typeof ZTemplate>, now: Date, request?: FastifyRequest) {
  if (input.category) await getCategory(db, KIND, input.category);
  return inTransaction(db, async (trx) => {
    const clash = await trx.selectFrom('case_answer_template').select('id').where('kind', '=', KIND).where('title', '=', input.title).executeTakeFirst();
    if (clash && clash.id !== id) throw new AppError('already_exists', { what: input.title }, 'title');
    const values = { kind: KIND, title: input.title, body: input.body, category_code: input.category, updated_by: actorName(actor), updated_at: now };
    const row = id === null
      ? await trx.insertInto('case_answer_template').values(values).returning('id').executeTakeFirstOrThrow()
      : await trx.updateTable('case_answer_template').set(values).where('id', '=', id).where('kind', '=', KIND).returning('id').executeTakeFirst();
    if (!row) throw notFound('id');
    await recordAudit(trx, actor, { action: id === null ? 'case_template.create' : 'case_template.update', entity: 'case_answer_template', entityId: row.id, after: input }, request);
    return { id: row.id };
  });
}

export const ZRoutingRules = z.object({
  rules: z.array(z.object({
    category: z.string().trim().regex(/^[A-Z_]{2,40}$/).nullable(),
    target: z.enum(['place', 'place_parent', 'unit']),
    unitId: z.number().int().positive().nullable().default(null),
    note: z.string().trim().max(500).nullable().default(null),
  }).strict()).min(1).max(500),
}).strict();

/**
 * Replaces the routing rules, in the order given, all or nothing. The last rule must apply to every category, so
 * that every report finds a unit.
 */
export async function replaceRoutingRules(db: Db, actor: Actor, input: z.infer<typeof ZRoutingRules>, request?: FastifyRequest) {
  const last = input.rules[input.rules.length - 1]!;
  if (last.category !== null) throw new AppError('last_rule_catch_all', {}, `rules.${input.rules.length - 1}.category`);
  return inTransaction(db, async (trx) => {
    for (const [i, r] of input.rules.entries()) {
      if (r.category) await getCategory(trx, KIND, r.category).catch(() => { throw new AppError('reference_not_found', {}, `rules.${i}.category`); });
      if ((r.target === 'unit') !== (r.unitId !== null)) throw new AppError('rule_unit_mismatch', {}, `rules.${i}.unitId`);
      if (r.unitId !== null && !(await trx.selectFrom('org_unit').select('id').where('id', '=', r.unitId).executeTakeFirst())) throw new AppError('reference_not_found', {}, `rules.${i}.unitId`);
    }
    const before = await trx.selectFrom('case_routing_rule').selectAll().where('kind', '=', KIND).orderBy('position').execute();
    await trx.deleteFrom('case_routing_rule').where('kind', '=', KIND).execute();
    await trx.insertInto('case_routing_rule').values(input.rules.map((r, i) => ({ kind: KIND, category_code: r.category, target: r.target, unit_id: r.unitId, note: r.note, position: (i + 1) * 10 }))).execute();
    await recordAudit(trx, actor, { action: 'case_routing.replace', entity: 'case_routing_rule', entityId: null, before, after: input.rules }, request);
    return { rules: input.rules.length };
  });
}
