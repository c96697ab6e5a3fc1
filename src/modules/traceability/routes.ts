import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { catalogueRoutes } from './catalogue-routes.js';
import { chainRoutes } from './chain-routes.js';
import { epcisRoutes } from './epcis-routes.js';
import { resolverRoutes } from './resolver-routes.js';
import { TRACE_POLICY } from './policy.js';
import { createProducerAccount, getProducer, listProducers, registerProducer, updateProducer, verifyProducer } from './producers.js';
import { ZAccountInput, ZAccountView, ZIdParam, ZProducerInput, ZProducerPage, ZProducerQuery, ZProducerUpdate, ZProducerView, ZVerifyInput } from './schema.js';

/** Producers and their accounts; the catalogue (places, products, lots) and EPCIS have plugins of their own. */
export async function traceabilityRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['traceability'];

  app.get('/api/traceability/producers', { config: { access: TRACE_POLICY.read }, schema: { tags, querystring: ZProducerQuery, response: { 200: ZProducerPage } } },
    async (request) => listProducers(db, request.user!, request.query));
  app.post('/api/traceability/producers', { config: { access: TRACE_POLICY.register }, schema: { tags, body: ZProducerInput, response: { 201: ZProducerView } } },
    async (request, reply) => reply.status(201).send(await registerProducer({ db, actor: request.user!, input: request.body, now: now(), request })));
  app.get('/api/traceability/producers/:id', { config: { access: TRACE_POLICY.read }, schema: { tags, params: ZIdParam, response: { 200: ZProducerView } } },
    async (request) => getProducer(db, request.user!, request.params.id));
  app.patch('/api/traceability/producers/:id', { config: { access: TRACE_POLICY.write }, schema: { tags, params: ZIdParam, body: ZProducerUpdate, response: { 200: ZProducerView } } },
    async (request) => updateProducer({ db, actor: request.user!, id: request.params.id, input: request.body, now: now(), request }));
  app.post('/api/traceability/producers/:id/verification', { config: { access: TRACE_POLICY.verify }, schema: { tags, params: ZIdParam, body: ZVerifyInput, response: { 200: ZProducerView } } },
    async (request) => verifyProducer({ db, actor: request.user!, id: request.params.id, ...request.body, now: now(), request }));
  app.post('/api/traceability/producers/:id/accounts', { config: { access: TRACE_POLICY.register }, schema: { tags, params: ZIdParam, body: ZAccountInput, response: { 201: ZAccountView } } },
    async (request, reply) => reply.status(201).send(await createProducerAccount({ db, actor: request.user!, producerId: request.params.id, input: request.body, request })));

  await app.register(catalogueRoutes);
  await app.register(epcisRoutes);
  await app.register(resolverRoutes);
  await app.register(chainRoutes);
  await app.register((await import('./ocop-routes.js')).ocopRoutes);
}
