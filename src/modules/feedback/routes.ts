import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS, type Actor } from '../../core/access/actor.js';
import { assertUnitInScope, scopeUnitIds } from '../../core/access/scope.js';
import { actOnCase, extendCase, noteCase } from '../../core/cases/service.js';
import { CASE_ACTIONS, CASE_STATES, HANDLING_STATES } from '../../core/cases/state-machine.js';
import { AppError } from '../../server/errors.js';
import { inForce } from '../../core/org-units/repo.js';
import { vnDate } from '../../core/calendar/working-days.js';
import { KIND, ZFeedback, ZRating, ZSubscribe, caseForOfficer, nearbyReports, publicReport, rateReport, submitFeedback, subscribe } from './service.js';

const CITIZEN: Actor = { kind: 'system', name: 'citizen' };
const officers = ACCESS.officers;
const readers = ACCESS.signedIn;
/** A tracking code as citizens type it: FE-XXXX-XXXX, any case. */
const ZCode = z.object({ code: z.string().regex(/^[A-Za-z]{2}-[2-9A-Za-z]{4}-[2-9A-Za-z]{4}$/) });
const ZId = z.object({ id: z.coerce.number().int().positive() });

export async function feedbackRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;

  app.get('/api/public/feedback/categories', { config: { access: { public: true } }, schema: { tags: ['feedback'] } }, async () =>
    db.selectFrom('case_category').select(['code', 'name_vi as nameVi', 'name_en as nameEn', 'deadline_working_days as deadlineWorkingDays', 'allow_anonymous as allowAnonymous'])
      .where('kind', '=', KIND).where('active', '=', true).orderBy('sort').execute());

  app.post('/api/public/feedback', {
    config: { access: { public: true }, rateLimit: { max: 20, timeWindow: '1 minute' } },
    bodyLimit: 64 * 1024,
    schema: { tags: ['feedback'], body: ZFeedback },
  }, async (request, reply) => reply.status(201).send(await submitFeedback(db, CITIZEN, request.body, now(), request)));

  app.get('/api/public/feedback/:code', {
    config: { access: { public: true } },
    schema: { tags: ['feedback'], params: ZCode },
  }, async (request) => publicReport(db, request.params.code));

  /** The communes a citizen can pick, in force today (public reference data). */
  app.get('/api/public/feedback/places', { config: { access: { public: true } }, schema: { tags: ['feedback'] } }, async () =>
    db.selectFrom('org_unit as u').select(['u.id', 'u.code', 'u.name']).where('u.level', '=', 'commune')
      .where(inForce(vnDate(now()))).orderBy('u.name').execute());

  app.get('/api/public/feedback/nearby', {
    config: { access: { public: true } },
    schema: { tags: ['feedback'], querystring: z.object({ category: z.string().regex(/^[A-Z_]{2,40}$/), lat: z.coerce.number().min(-90).max(90), lon: z.coerce.number().min(-180).max(180) }) },
  }, async (request) => (await nearbyReports(db, { ...request.query, now: now() })).map(({ id: _, ...r }) => r));

  app.post('/api/public/feedback/:code/follow', {
    config: { access: { public: true }, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['feedback'], params: ZCode, body: ZSubscribe },
  }, async (request) => subscribe(db, request.params.code, request.body, now()));

  app.post('/api/public/feedback/:code/rating', {
    config: { access: { public: true }, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['feedback'], params: ZCode, body: ZRating },
  }, async (request) => rateReport(db, request.params.code, request.body, now()));

  /** An operator enters a report for a caller (hotline, walk-in): the same checks, the operator on the timeline. */
  app.post('/api/feedback/operator', { config: { access: officers }, schema: { tags: ['feedback'], body: ZFeedback } }, async (request, reply) => {
    await assertUnitInScope(db, request.user!, request.body.placeUnitId, 'placeUnitId');
    return reply.status(201).send(await submitFeedback(db, request.user!, request.body, now(), request));
  });

  app.get('/api/feedback/cases', {
    config: { access: readers },
    schema: { tags: ['feedback'], querystring: z.object({ state: z.enum(CASE_STATES).optional(), overdue: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  }, async (request) => {
    const scope = await scopeUnitIds(db, request.user!);
    let q = db.selectFrom('case_record as c').leftJoin('org_unit as u', 'u.id', 'c.unit_id')
      .select(['c.id', 'c.tracking_code as trackingCode', 'c.category_code as category', 'c.state', 'c.priority', 'c.unit_id as unitId', 'u.name as unit',
        'c.received_at as receivedAt', 'c.due_date as dueDate', 'c.escalated_to_unit_id as escalatedToUnitId', 'c.description'])
      .where('c.kind', '=', KIND);
    if (scope) q = q.where((eb) => eb.or([eb('c.unit_id', 'in', [...scope]), eb('c.escalated_to_unit_id', 'in', [...scope])]));
    if (request.query.state) q = q.where('c.state', '=', request.query.state);
    if (request.query.overdue === 'true') q = q.where('c.due_date', '<', vnDate(now())).where('c.state', 'in', HANDLING_STATES);
    return q.orderBy('c.due_date').orderBy('c.id').limit(request.query.limit).execute();
  });

  app.get('/api/feedback/cases/:id', { config: { access: readers }, schema: { tags: ['feedback'], params: ZId } }, async (request) => {
    const scope = await scopeUnitIds(db, request.user!);
    const c = await db.selectFrom('case_record').select(['unit_id', 'place_unit_id', 'escalated_to_unit_id', 'kind']).where('id', '=', request.params.id).executeTakeFirst();
    if (!c || c.kind !== KIND) throw new AppError('not_found', 404, {}, 'id');
    const visible = !scope || [c.unit_id, c.place_unit_id, c.escalated_to_unit_id].some((u) => u !== null && scope.has(u));
    if (!visible) throw new AppError('out_of_scope', 403, {}, 'id');
    return caseForOfficer(db, request.user!, request.params.id, request);
  });

  app.get('/api/feedback/cases/:id/duplicates', { config: { access: readers }, schema: { tags: ['feedback'], params: ZId } }, async (request) => {
    const c = await db.selectFrom('case_record').select(['id', 'kind', 'category_code', 'lat', 'lon', 'unit_id', 'place_unit_id']).where('id', '=', request.params.id).executeTakeFirst();
    if (!c || c.kind !== KIND) throw new AppError('not_found', 404, {}, 'id');
    const scope = await scopeUnitIds(db, request.user!);
    if (scope && ![c.unit_id, c.place_unit_id].some((u) => u !== null && scope.has(u))) throw new AppError('out_of_scope', 403, {}, 'id');
    if (c.lat === null || c.lon === null) return [];
    return nearbyReports(db, { category: c.category_code, lat: c.lat, lon: c.lon, now: now(), excludeId: c.id });
  });

  app.post('/api/feedback/cases/:id/actions', {
    config: { access: officers },
    schema: {
      tags: ['feedback'], params: ZId,
      body: z.object({
        action: z.enum(CASE_ACTIONS), unitId: z.number().int().positive().optional(), officerId: z.number().int().positive().optional(),
        note: z.string().trim().min(1).max(4000).optional(), answer: z.string().trim().min(1).max(8000).optional(), mergeInto: z.number().int().positive().optional(),
      }).strict(),
    },
  }, async (request) => actOnCase(db, request.user!, request.params.id, request.body, now(), request));

  app.post('/api/feedback/cases/:id/extend', {
    config: { access: officers },
    schema: { tags: ['feedback'], params: ZId, body: z.object({ workingDays: z.number().int().min(1).max(60), reason: z.string().trim().min(5).max(2000) }).strict() },
  }, async (request) => extendCase(db, request.user!, request.params.id, request.body, now(), request));

  app.post('/api/feedback/cases/:id/notes', {
    config: { access: officers },
    schema: { tags: ['feedback'], params: ZId, body: z.object({ text: z.string().trim().min(1).max(4000), internal: z.boolean().default(true) }).strict() },
  }, async (request, reply) => {
    await noteCase(db, request.user!, request.params.id, request.body, now());
    return reply.status(204).send();
  });
}
