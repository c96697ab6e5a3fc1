import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkFormulas } from './check-formula.js';
import { INDICATOR_POLICY } from './policy.js';
import { listIndicatorSummaries } from './repo.js';
import {
  ZFormulaCheck, ZFormulaVerdict, ZIndicatorCreate, ZIndicatorParams, ZIndicatorSummary, ZIndicatorUnitQuery, ZIndicatorUpdate, ZIndicatorView,
  ZIndicatorWithTargets, ZTargets,
} from './schema.js';
import { createIndicator, indicatorWithTargets, setTargets, updateIndicator } from './service.js';

/** /api/indicators: formulas over data elements, with their targets. */
export async function indicatorRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const tags = ['data'];
  const { read, keep } = INDICATOR_POLICY;

  app.get('/api/indicators', { config: { access: read }, schema: { tags, response: { 200: z.array(ZIndicatorSummary) } } }, async () => listIndicatorSummaries(db));
  app.get('/api/indicators/:code', {
    config: { access: read }, schema: { tags, params: ZIndicatorParams, querystring: ZIndicatorUnitQuery, response: { 200: ZIndicatorWithTargets } },
  }, async (request) => indicatorWithTargets({ db, code: request.params.code, orgUnitId: request.query.orgUnitId }));
  app.post('/api/indicators/check', {
    config: { access: keep }, schema: { tags, body: ZFormulaCheck, response: { 200: ZFormulaVerdict } },
  }, async (request) => checkFormulas({ db, input: request.body }));
  app.post('/api/indicators', {
    config: { access: keep }, schema: { tags, body: ZIndicatorCreate, response: { 201: ZIndicatorView } },
  }, async (request, reply) => reply.status(201).send(await createIndicator({ db, actor: request.user!, input: request.body, request })));
  app.patch('/api/indicators/:code', {
    config: { access: keep }, schema: { tags, params: ZIndicatorParams, body: ZIndicatorUpdate, response: { 200: ZIndicatorView } },
  }, async (request) => updateIndicator({ db, actor: request.user!, code: request.params.code, input: request.body, request }));
  app.put('/api/indicators/:code/targets', {
    config: { access: keep }, schema: { tags, params: ZIndicatorParams, body: ZTargets, response: { 200: ZTargets } },
  }, async (request) => setTargets({ db, actor: request.user!, code: request.params.code, input: request.body, request }));
}
