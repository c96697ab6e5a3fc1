import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONNECTOR_POLICY } from './policy.js';
import { previewConnector, runConnector } from './run.js';
import { ZConnectorId, ZConnectorInput, ZConnectorView, ZPreview, ZPreviewInput, ZRunsQuery, ZRunView } from './schema.js';
import { connectorRuns, connectors, removeConnector, saveConnector } from './service.js';

export async function connectorRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['connectors'];

  app.get('/api/connectors', { config: { access: CONNECTOR_POLICY.list }, schema: { tags, response: { 200: z.array(ZConnectorView) } } }, async () => connectors(db));

  app.post('/api/connectors', { config: { access: CONNECTOR_POLICY.configure }, schema: { tags, body: ZConnectorInput, response: { 201: ZConnectorView } } },
    async (request, reply) => reply.status(201).send(await saveConnector({ db, actor: request.user!, input: request.body, now: now(), request })));

  app.put('/api/connectors/:id', { config: { access: CONNECTOR_POLICY.configure }, schema: { tags, params: ZConnectorId, body: ZConnectorInput, response: { 200: ZConnectorView } } },
    async (request) => saveConnector({ db, actor: request.user!, id: request.params.id, input: request.body, now: now(), request }));

  app.delete('/api/connectors/:id', { config: { access: CONNECTOR_POLICY.configure }, schema: { tags, params: ZConnectorId, response: { 200: ZConnectorView } } },
    async (request) => removeConnector({ db, actor: request.user!, id: request.params.id, now: now(), request }));

  app.post('/api/connectors/preview', { config: { access: CONNECTOR_POLICY.configure }, schema: { tags, body: ZPreviewInput, response: { 200: ZPreview } } },
    async (request) => previewConnector({ db, input: request.body }));

  app.post('/api/connectors/:id/run', { config: { access: CONNECTOR_POLICY.run }, schema: { tags, params: ZConnectorId, response: { 200: ZRunView } } },
    async (request) => runConnector({ db, id: request.params.id, trigger: 'manual', now: now(), actor: request.user!, request }));

  app.get('/api/connectors/:id/runs', { config: { access: CONNECTOR_POLICY.list }, schema: { tags, params: ZConnectorId, querystring: ZRunsQuery, response: { 200: z.array(ZRunView) } } },
    async (request) => connectorRuns(db, request.params.id, request.query.limit));
}
