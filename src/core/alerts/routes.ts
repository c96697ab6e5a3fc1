import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readAlertRequest } from './intake.js';
import { ALERT_POLICY } from './policy.js';
import {
  ZAlertAct, ZAlertActed, ZAlertDetail, ZAlertId, ZAlertImage, ZAlertPage, ZAlertQuery, ZAlertReference, ZAlertTypeCode, ZAlertTypeCreate,
  ZAlertTypeRemoved, ZAlertTypeUpdate, ZAlertTypeView, ZClearAlert, ZCleared, ZRaised,
} from './schema.js';
import { actOnAlert } from './use-cases/act.js';
import { clearAlert } from './use-cases/clear.js';
import { configureAlertType } from './use-cases/configure.js';
import { createAlertType, removeAlertType } from './use-cases/manage-types.js';
import { raiseAlert, sourceOf } from './use-cases/raise.js';
import { alertReference, getAlert, getAlertImage, listAlerts } from './use-cases/read.js';

export async function alertRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['alerts'];

  app.get('/api/alerts', { config: { access: ALERT_POLICY.read }, schema: { tags, querystring: ZAlertQuery, response: { 200: ZAlertPage } } },
    async (request) => listAlerts({ db, actor: request.user!, query: request.query }));

  app.post('/api/alerts', {
    config: { access: ALERT_POLICY.raise },
    schema: {
      tags, response: { 201: ZRaised, 200: ZRaised },
      description: 'Raises an alert: JSON, or multipart/form-data with the alert as JSON in `alert` and one photo in `image`. With a `dedupeKey`, '
        + 'a repeat while the alert is active refreshes it (200, its id and count) instead of adding one (201).',
    },
  }, async (request, reply) => {
    const { input, image } = await readAlertRequest(request);
    const raised = await raiseAlert({ db, actor: request.user!, input, image, now: now(), request });
    return reply.status(raised.created ? 201 : 200).send(raised);
  });

  app.post('/api/alerts/clear', { config: { access: ALERT_POLICY.raise }, schema: { tags, body: ZClearAlert, response: { 200: ZCleared } } },
    async (request) => ({
      id: await clearAlert({ db, actor: request.user!, source: sourceOf(request.user!), dedupeKey: request.body.dedupeKey, note: request.body.note ?? '', now: now() }),
    }));

  app.get('/api/alerts/reference', { config: { access: ALERT_POLICY.read }, schema: { tags, response: { 200: ZAlertReference } } }, async () => alertReference(db));

  app.post('/api/alerts/types', {
    config: { access: ALERT_POLICY.configure },
    schema: { tags, body: ZAlertTypeCreate, response: { 201: ZAlertTypeView }, description: 'Adds an alert type another system raises (a taken code: 409).' },
  }, async (request, reply) => reply.status(201).send(await createAlertType({ db, actor: request.user!, input: request.body, request })));

  app.patch('/api/alerts/types/:code', {
    config: { access: ALERT_POLICY.configure }, schema: { tags, params: ZAlertTypeCode, body: ZAlertTypeUpdate, response: { 200: ZAlertTypeView } },
  }, async (request) => configureAlertType({ db, actor: request.user!, code: request.params.code, input: request.body, now: now(), request }));

  app.delete('/api/alerts/types/:code', {
    config: { access: ALERT_POLICY.configure },
    schema: {
      tags, params: ZAlertTypeCode, response: { 200: ZAlertTypeRemoved },
      description: 'Removes a type the province added and no alert uses; a type with alerts is refused (409, with their count): retire it with PATCH {"retired": true}.',
    },
  }, async (request) => removeAlertType({ db, actor: request.user!, code: request.params.code, request }));

  app.get('/api/alerts/:id', { config: { access: ALERT_POLICY.read }, schema: { tags, params: ZAlertId, response: { 200: ZAlertDetail } } },
    async (request) => getAlert({ db, actor: request.user!, id: request.params.id }));

  app.get('/api/alerts/:id/image', { config: { access: ALERT_POLICY.read }, schema: { tags, params: ZAlertId, response: { 200: ZAlertImage } } },
    async (request, reply) => {
      const { image, image_type } = await getAlertImage({ db, actor: request.user!, id: request.params.id });
      return reply.type(image_type).header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff').send(image);
    });

  app.post('/api/alerts/:id/act', { config: { access: ALERT_POLICY.act }, schema: { tags, params: ZAlertId, body: ZAlertAct, response: { 200: ZAlertActed } } },
    async (request) => actOnAlert({ db, actor: request.user!, id: request.params.id, input: request.body, now: now(), request }));
}
