import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerTemplates, bulkAct, deleteTemplate, redactCasePhoto, replaceRoutingRules, routingRules, saveTemplate, updateCase, ZBulk, ZBulkResult, ZCaseUpdate,
  ZCaseUpdateResult, ZRedact, ZRedactResult, ZReplacedRules, ZRoutingRules, ZRoutingRuleView, ZSavedTemplate, ZTemplate, ZTemplateView,
} from '../../core/cases/index.js';
import { listOfficers, officerPhoto } from './officer.js';
import { FEEDBACK_POLICY, KIND } from './policy.js';
import { ZBinary, ZId, ZMediaParams, ZNoContent, ZOfficers, ZPhotoVersion, ZTemplateQuery, ZUnitQuery } from './schema.js';

/** The back office: changing a case, bulk steps, photos, answer templates, routing rules, the unit's officers. */
export async function feedbackBackOfficeRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['feedback'];
  const { officers, readers, templateEditors, routingEditors } = FEEDBACK_POLICY;
  const kind = KIND;

  app.patch('/api/feedback/cases/:id', { config: { access: officers }, schema: { tags, params: ZId, body: ZCaseUpdate, response: { 200: ZCaseUpdateResult } } },
    async (request) => updateCase({ db, actor: request.user!, kind, id: request.params.id, input: request.body, now: now(), request }));

  app.post('/api/feedback/cases/bulk', { config: { access: officers }, schema: { tags, body: ZBulk, response: { 200: ZBulkResult } } },
    async (request) => bulkAct({ db, actor: request.user!, kind, input: request.body, now: now(), request }));

  app.get('/api/feedback/cases/:id/photos/:mediaId', {
    config: { access: readers },
    schema: { tags, params: ZMediaParams, querystring: ZPhotoVersion, response: { 200: ZBinary } },
  }, async (request, reply) => {
    const { contentType, image } = await officerPhoto({ db, actor: request.user!, ...request.params, version: request.query.version });
    return reply.type(contentType).header('cache-control', 'private, no-store').send(image);
  });

  app.post('/api/feedback/cases/:id/photos/:mediaId', { config: { access: officers }, schema: { tags, params: ZMediaParams, body: ZRedact, response: { 200: ZRedactResult } } },
    async (request) => redactCasePhoto({ db, actor: request.user!, kind, caseId: request.params.id, mediaId: request.params.mediaId, input: request.body, now: now(), request }));

  app.get('/api/feedback/officers', { config: { access: officers }, schema: { tags, querystring: ZUnitQuery, response: { 200: ZOfficers } } },
    async (request) => listOfficers({ db, actor: request.user!, unitId: request.query.unitId }));

  app.get('/api/feedback/templates', { config: { access: officers }, schema: { tags, querystring: ZTemplateQuery, response: { 200: z.array(ZTemplateView) } } },
    async (request) => answerTemplates(db, kind, request.query.category));
  app.post('/api/feedback/templates', { config: { access: templateEditors }, schema: { tags, body: ZTemplate, response: { 201: ZSavedTemplate } } },
    async (request, reply) => reply.status(201).send(await saveTemplate({ db, actor: request.user!, kind, id: null, input: request.body, now: now(), request })));
  app.put('/api/feedback/templates/:id', { config: { access: templateEditors }, schema: { tags, params: ZId, body: ZTemplate, response: { 200: ZSavedTemplate } } },
    async (request) => saveTemplate({ db, actor: request.user!, kind, id: request.params.id, input: request.body, now: now(), request }));
  app.delete('/api/feedback/templates/:id', { config: { access: templateEditors }, schema: { tags, params: ZId, response: { 204: ZNoContent } } }, async (request, reply) => {
    await deleteTemplate({ db, actor: request.user!, kind, id: request.params.id, request });
    return reply.status(204).send();
  });

  app.get('/api/feedback/routing-rules', { config: { access: officers }, schema: { tags, response: { 200: z.array(ZRoutingRuleView) } } }, async () => routingRules(db, kind));
  app.put('/api/feedback/routing-rules', { config: { access: routingEditors }, schema: { tags, body: ZRoutingRules, response: { 200: ZReplacedRules } } },
    async (request) => replaceRoutingRules({ db, actor: request.user!, kind, input: request.body, request }));
}
