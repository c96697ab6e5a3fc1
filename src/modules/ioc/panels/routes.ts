import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IOC_POLICY } from '../policy.js';
import { fieldPanelData } from './data.js';
import { ZFieldCode, ZFieldPanels, ZPanelData, ZPanelDataQuery, ZPanelId, ZPanelInput, ZPanelView } from './schema.js';
import { fieldsWithPanels, removePanel, savePanel } from './service.js';

/** The fields of the operations centre and their panels: read by every reader and wall, configured by administrators. */
export async function iocPanelRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['ioc'];

  app.get('/api/ioc/fields', { config: { access: IOC_POLICY.read }, schema: { tags, response: { 200: ZFieldPanels } } }, async () => fieldsWithPanels(db));

  app.get('/api/ioc/fields/:code/panels/data', { config: { access: IOC_POLICY.read }, schema: { tags, params: ZFieldCode, querystring: ZPanelDataQuery, response: { 200: ZPanelData } } },
    async (request) => fieldPanelData({ db, actor: request.user!, code: request.params.code, query: request.query, now: now() }));

  app.post('/api/ioc/panels', { config: { access: IOC_POLICY.configure }, schema: { tags, body: ZPanelInput, response: { 201: ZPanelView } } },
    async (request, reply) => reply.status(201).send(await savePanel({ db, actor: request.user!, input: request.body, now: now(), request })));

  app.put('/api/ioc/panels/:id', { config: { access: IOC_POLICY.configure }, schema: { tags, params: ZPanelId, body: ZPanelInput, response: { 200: ZPanelView } } },
    async (request) => savePanel({ db, actor: request.user!, id: request.params.id, input: request.body, now: now(), request }));

  app.delete('/api/ioc/panels/:id', { config: { access: IOC_POLICY.configure }, schema: { tags, params: ZPanelId, response: { 200: ZPanelView } } },
    async (request) => removePanel({ db, actor: request.user!, id: request.params.id, request }));
}
