import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCategoryCombo } from './category-combos.js';
import { createDataElement, updateDataElement } from './data-elements.js';
import { METADATA_POLICY } from './policy.js';
import { listComboViews, listElementViews } from './repo.js';
import {
  ZCategoryCombo, ZCategoryComboView, ZCreatedCategoryCombo, ZCreatedDataElement, ZDataElement, ZDataElementUpdate, ZDataElementView, ZElementCodeParams,
  ZUpdatedDataElement,
} from './schema.js';

/** /api/data-elements and /api/category-combos: the catalogue of what the store counts. */
export async function metadataRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const tags = ['data'];

  app.get('/api/data-elements', { config: { access: METADATA_POLICY.read }, schema: { tags, response: { 200: z.array(ZDataElementView) } } }, async () => listElementViews(db));
  app.post('/api/data-elements', {
    config: { access: METADATA_POLICY.keep }, schema: { tags, body: ZDataElement, response: { 201: ZCreatedDataElement } },
  }, async (request, reply) => reply.status(201).send(await createDataElement({ db, actor: request.user!, input: request.body, request })));
  app.patch('/api/data-elements/:code', {
    config: { access: METADATA_POLICY.keep }, schema: { tags, params: ZElementCodeParams, body: ZDataElementUpdate, response: { 200: ZUpdatedDataElement } },
  }, async (request) => updateDataElement({ db, actor: request.user!, code: request.params.code, input: request.body, request }));

  app.get('/api/category-combos', { config: { access: METADATA_POLICY.read }, schema: { tags, response: { 200: z.array(ZCategoryComboView) } } }, async () => listComboViews(db));
  app.post('/api/category-combos', {
    config: { access: METADATA_POLICY.keep }, schema: { tags, body: ZCategoryCombo, response: { 201: ZCreatedCategoryCombo } },
  }, async (request, reply) => reply.status(201).send(await createCategoryCombo({ db, actor: request.user!, input: request.body, request })));
}
