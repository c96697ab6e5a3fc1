import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS, type Actor, assertUnitInScope, scopeUnitIds } from '../../core/access/index.js';
import type { Role } from '../../db/schema.js';
import { recordAudit } from '../../core/audit/index.js';
import { ZBulk, ZCaseUpdate, ZRedact, ZRoutingRules, ZTemplate, bulkAct, redactCasePhoto, replaceRoutingRules, saveTemplate, updateCase } from './backoffice.js';
import { actOnCase, extendCase, noteCase, CASE_ACTIONS, CASE_STATES, HANDLING_STATES, processPhotos, type ProcessedPhoto } from '../../core/cases/index.js';
import { AppError } from '../../server/errors.js';
import { inForce } from '../../core/org-units/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { KIND, ZFeedback, ZPublicList, ZRating, ZSubscribe, caseForOfficer, communeAt, nearbyReports, publicList, publicMapOutlines, publicReport, rateReport, submitFeedback, subscribe } from './service.js';
import { readMultipart } from '../../server/multipart.js';
import type { FastifyRequest } from 'fastify';

/** The report and its photos, from JSON or from a multipart form (report as JSON in the field `report`). */
async function readIntake(request: FastifyRequest): Promise<{ input: z.infer<typeof ZFeedback>; photos: ProcessedPhoto[] }> {
  if (!request.isMultipart()) return { input: ZFeedback.parse(request.body ?? {}), photos: [] };
  const { fields, files } = await readMultipart(request, ['photos']);
  let report: unknown;
  try {
    report = JSON.parse(fields.report ?? '');
  } catch {
    throw new AppError('report_json_required', {}, 'report');
  }
  const input = ZFeedback.parse(report);
  return { input, photos: await processPhotos(files) };
}

const CITIZEN: Actor = { kind: 'system', name: 'citizen' };
const officers = ACCESS.officers;
/** Answer templates are the unit's wording: administrators and reviewers keep them. */
const templateEditors = { roles: ['admin', 'reviewer'] as Role[] };
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
    schema: {
      tags: ['feedback'],
      description: 'A citizen\'s report: JSON (the fields of the report), or multipart/form-data with the report as JSON in the field `report` and up to 5 photos in `photos`.',
    },
  }, async (request, reply) => {
    const { input, photos } = await readIntake(request);
    return reply.status(201).send(await submitFeedback(db, CITIZEN, input, now(), request, photos));
  });

  app.get('/api/public/feedback', {
    config: { access: { public: true } },
    schema: { tags: ['feedback'], querystring: ZPublicList },
  }, async (request) => publicList(db, request.query));

  app.get('/api/public/feedback/:code/photos/:n', {
    config: { access: { public: true } },
    schema: { tags: ['feedback'], params: ZCode.extend({ n: z.coerce.number().int().min(1).max(20) }) },
  }, async (request, reply) => {
    const m = await db.selectFrom('case_media as m').innerJoin('case_record as c', 'c.id', 'm.case_id')
      .select(['m.original', 'm.published', 'm.content_type']).where('c.kind', '=', KIND).where('c.tracking_code', '=', request.params.code.toUpperCase())
      .where('c.state', 'not in', ['returned', 'merged']).where('m.position', '=', request.params.n).where('m.hidden', '=', false).executeTakeFirst();
    if (!m) throw new AppError('not_found', {}, 'n');
    return reply.type(m.content_type).header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').send(m.published ?? m.original);
  });

  app.get('/api/public/feedback/:code', {
    config: { access: { public: true } },
    schema: { tags: ['feedback'], params: ZCode },
  }, async (request) => publicReport(db, request.params.code));

  /** The communes a citizen can pick, in force today (public reference data). */
  app.get('/api/public/feedback/places', { config: { access: { public: true } }, schema: { tags: ['feedback'] } }, async () =>
    db.selectFrom('org_unit as u').select(['u.id', 'u.code', 'u.name']).where('u.level', '=', 'commune')
      .where(inForce(vnDate(now()))).orderBy('u.name').execute());

  app.get('/api/public/feedback/map', { config: { access: { public: true } }, schema: { tags: ['feedback'] } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=600');
    return publicMapOutlines(db, vnDate(now()));
  });

  /** The commune under a pin, when commune boundaries are loaded: the place the citizen's form pre-selects. */
  app.get('/api/public/feedback/place-at', {
    config: { access: { public: true } },
    schema: { tags: ['feedback'], querystring: z.object({ lat: z.coerce.number().min(-90).max(90), lon: z.coerce.number().min(-180).max(180) }) },
  }, async (request) => ({ place: await communeAt(db, request.query, vnDate(now())) }));

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
  app.post('/api/feedback/operator', { config: { access: officers }, schema: { tags: ['feedback'], description: 'JSON, or multipart/form-data as the public intake.' } }, async (request, reply) => {
    const { input, photos } = await readIntake(request);
    await assertUnitInScope(db, request.user!, input.placeUnitId, 'placeUnitId');
    return reply.status(201).send(await submitFeedback(db, request.user!, input, now(), request, photos));
  });

  app.get('/api/feedback/cases', {
    config: { access: readers },
    schema: {
      tags: ['feedback'],
      querystring: z.object({
        state: z.enum(CASE_STATES).optional(), overdue: z.enum(['true', 'false']).optional(), category: z.string().regex(/^[A-Z_]{2,40}$/).optional(),
        priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(), mine: z.enum(['true', 'false']).optional(),
        code: z.string().regex(/^[A-Za-z]{2}-[2-9A-Za-z]{4}-[2-9A-Za-z]{4}$/).optional(), q: z.string().trim().min(2).max(100).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
  }, async (request) => {
    const scope = await scopeUnitIds(db, request.user!);
    let q = db.selectFrom('case_record as c').leftJoin('org_unit as u', 'u.id', 'c.unit_id').leftJoin('app_user as o', 'o.id', 'c.officer_id')
      .select(['c.id', 'c.tracking_code as trackingCode', 'c.category_code as category', 'c.state', 'c.priority', 'c.unit_id as unitId', 'u.name as unit',
        'c.received_at as receivedAt', 'c.due_date as dueDate', 'c.escalated_to_unit_id as escalatedToUnitId', 'c.description', 'c.lat', 'c.lon',
        'c.officer_id as officerId', 'o.display_name as officer'])
      .where('c.kind', '=', KIND);
    if (scope) q = q.where((eb) => eb.or([eb('c.unit_id', 'in', [...scope]), eb('c.escalated_to_unit_id', 'in', [...scope])]));
    const f = request.query;
    if (f.state) q = q.where('c.state', '=', f.state);
    if (f.overdue === 'true') q = q.where('c.due_date', '<', vnDate(now())).where('c.state', 'in', HANDLING_STATES);
    if (f.category) q = q.where('c.category_code', '=', f.category);
    if (f.priority) q = q.where('c.priority', '=', f.priority);
    if (f.mine === 'true') q = q.where('c.officer_id', '=', request.user!.kind === 'user' ? request.user!.id : 0);
    if (f.code) q = q.where('c.tracking_code', '=', f.code.toUpperCase());
    if (f.q) q = q.where('c.description', 'ilike', `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    return q.orderBy('c.due_date').orderBy('c.id').limit(request.query.limit).execute();
  });

  app.get('/api/feedback/cases/:id', { config: { access: readers }, schema: { tags: ['feedback'], params: ZId } }, async (request) => {
    const scope = await scopeUnitIds(db, request.user!);
    const c = await db.selectFrom('case_record').select(['unit_id', 'place_unit_id', 'escalated_to_unit_id', 'kind']).where('id', '=', request.params.id).executeTakeFirst();
    if (!c || c.kind !== KIND) throw new AppError('not_found', {}, 'id');
    const visible = !scope || [c.unit_id, c.place_unit_id, c.escalated_to_unit_id].some((u) => u !== null && scope.has(u));
    if (!visible) throw new AppError('out_of_scope', {}, 'id');
    return caseForOfficer(db, request.user!, request.params.id, request);
  });

  app.get('/api/feedback/cases/:id/duplicates', { config: { access: readers }, schema: { tags: ['feedback'], params: ZId } }, async (request) => {
    const c = await db.selectFrom('case_record').select(['id', 'kind', 'category_code', 'lat', 'lon', 'unit_id', 'place_unit_id']).where('id', '=', request.params.id).executeTakeFirst();
    if (!c || c.kind !== KIND) throw new AppError('not_found', {}, 'id');
    const scope = await scopeUnitIds(db, request.user!);
    if (scope && ![c.unit_id, c.place_unit_id].some((u) => u !== null && scope.has(u))) throw new AppError('out_of_scope', {}, 'id');
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

/** The back office: changing a case, bulk steps, photos, answer templates, routing rules, the unit's officers. */
export async function feedbackBackOfficeRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;

  app.patch('/api/feedback/cases/:id', { config: { access: officers }, schema: { tags: ['feedback'], params: ZId, body: ZCaseUpdate } },
    async (request) => updateCase(db, request.user!, request.params.id, request.body, now(), request));

  app.post('/api/feedback/cases/bulk', { config: { access: officers }, schema: { tags: ['feedback'], body: ZBulk } },
    async (request) => bulkAct(db, request.user!, request.body, now(), request));

  app.get('/api/feedback/cases/:id/photos/:mediaId', {
    config: { access: readers },
    schema: { tags: ['feedback'], params: ZId.extend({ mediaId: z.coerce.number().int().positive() }), querystring: z.object({ version: z.enum(['original', 'published']).default('original') }) },
  }, async (request, reply) => {
    const c = await db.selectFrom('case_record').select(['unit_id', 'place_unit_id', 'escalated_to_unit_id', 'kind']).where('id', '=', request.params.id).executeTakeFirst();
    if (!c || c.kind !== KIND) throw new AppError('not_found', {}, 'id');
    const scope = await scopeUnitIds(db, request.user!);
    if (scope && ![c.unit_id, c.place_unit_id, c.escalated_to_unit_id].some((u) => u !== null && scope.has(u))) throw new AppError('out_of_scope', {}, 'id');
    const m = await db.selectFrom('case_media').select(['original', 'published', 'content_type']).where('id', '=', request.params.mediaId).where('case_id', '=', request.params.id).executeTakeFirst();
    if (!m) throw new AppError('not_found', {}, 'mediaId');
    const image = request.query.version === 'published' ? m.published ?? m.original : m.original;
    return reply.type(m.content_type).header('cache-control', 'private, no-store').send(image);
  });

  app.post('/api/feedback/cases/:id/photos/:mediaId', {
    config: { access: officers },
    schema: { tags: ['feedback'], params: ZId.extend({ mediaId: z.coerce.number().int().positive() }), body: ZRedact },
  }, async (request) => redactCasePhoto(db, request.user!, request.params.id, request.params.mediaId, request.body, now(), request));

  app.get('/api/feedback/officers', {
    config: { access: officers },
    schema: { tags: ['feedback'], querystring: z.object({ unitId: z.coerce.number().int().positive() }) },
  }, async (request) => {
    await assertUnitInScope(db, request.user!, request.query.unitId, 'unitId');
    return db.selectFrom('app_user').select(['id', 'username', 'display_name as displayName', 'role']).where('org_unit_id', '=', request.query.unitId)
      .where('active', '=', true).where('role', 'in', ['officer', 'reviewer']).orderBy('display_name').execute();
  });

  app.get('/api/feedback/templates', { config: { access: officers }, schema: { tags: ['feedback'], querystring: z.object({ category: z.string().regex(/^[A-Z_]{2,40}$/).optional() }) } }, async (request) => {
    let q = db.selectFrom('case_answer_template').select(['id', 'title', 'body', 'category_code as category', 'updated_by as updatedBy', 'updated_at as updatedAt']).where('kind', '=', KIND);
    if (request.query.category) q = q.where((eb) => eb.or([eb('category_code', '=', request.query.category!), eb('category_code', 'is', null)]));
    return q.orderBy('title').execute();
  });
  app.post('/api/feedback/templates', { config: { access: templateEditors }, schema: { tags: ['feedback'], body: ZTemplate } },
    async (request, reply) => reply.status(201).send(await saveTemplate(db, request.user!, null, request.body, now(), request)));
  app.put('/api/feedback/templates/:id', { config: { access: templateEditors }, schema: { tags: ['feedback'], params: ZId, body: ZTemplate } },
    async (request) => saveTemplate(db, request.user!, request.params.id, request.body, now(), request));
  app.delete('/api/feedback/templates/:id', { config: { access: templateEditors }, schema: { tags: ['feedback'], params: ZId } }, async (request, reply) => {
    const row = await db.deleteFrom('case_answer_template').where('id', '=', request.params.id).where('kind', '=', KIND).returning(['id', 'title']).executeTakeFirst();
    if (!row) throw new AppError('not_found', {}, 'id');
    await recordAudit(db, request.user!, { action: 'case_template.delete', entity: 'case_answer_template', entityId: row.id, before: row }, request);
    return reply.status(204).send();
  });

  app.get('/api/feedback/routing-rules', { config: { access: officers }, schema: { tags: ['feedback'] } }, async () =>
    db.selectFrom('case_routing_rule as r').leftJoin('org_unit as u', 'u.id', 'r.unit_id')
      .select(['r.id', 'r.category_code as category', 'r.target', 'r.unit_id as unitId', 'u.name as unit', 'r.note', 'r.position'])
      .where('r.kind', '=', KIND).orderBy('r.position').execute());
  app.put('/api/feedback/routing-rules', { config: { access: ACCESS.admins }, schema: { tags: ['feedback'], body: ZRoutingRules } },
    async (request) => replaceRoutingRules(db, request.user!, request.body, request));
}
