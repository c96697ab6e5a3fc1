import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inboxOwner, NOTIFY_POLICY } from './policy.js';
import { inbox, listWebhooks, markRead, outbox } from './repo.js';
import {
  CASE_EVENTS, ZCreatedWebhook, ZInbox, ZInboxQuery, ZMarked, ZMarkRead, ZOutboxEntry, ZOutboxQuery, ZWebhookCreate, ZWebhookList, ZWebhookParams,
} from './schema.js';
import { createWebhook, deleteWebhook } from './webhooks.js';

/** In-app notifications of the signed-in user; webhooks and the delivery log for administrators. */
export async function notificationRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['notifications'];

  app.get('/api/notifications', {
    config: { access: NOTIFY_POLICY.inbox }, schema: { tags, querystring: ZInboxQuery, response: { 200: ZInbox } },
  }, async (request) => inbox(db, inboxOwner(request.user!), { unreadOnly: request.query.unread === 'true', limit: request.query.limit }));

  app.post('/api/notifications/read', {
    config: { access: NOTIFY_POLICY.inbox }, schema: { tags, body: ZMarkRead, response: { 200: ZMarked } },
  }, async (request) => ({ marked: await markRead(db, inboxOwner(request.user!), request.body, now()) }));

  app.get('/api/notifications/outbox', {
    config: { access: NOTIFY_POLICY.deliveries }, schema: { tags, querystring: ZOutboxQuery, response: { 200: z.array(ZOutboxEntry) } },
  }, async (request) => outbox(db, request.query));

  app.get('/api/webhooks', {
    config: { access: NOTIFY_POLICY.webhooks }, schema: { tags, response: { 200: ZWebhookList } },
  }, async () => ({ events: CASE_EVENTS, webhooks: await listWebhooks(db) }));

  app.post('/api/webhooks', {
    config: { access: NOTIFY_POLICY.webhooks }, schema: { tags, body: ZWebhookCreate, response: { 201: ZCreatedWebhook } },
  }, async (request, reply) => reply.status(201).send(await createWebhook({ db, actor: request.user!, input: request.body, request })));

  app.delete('/api/webhooks/:id', {
    config: { access: NOTIFY_POLICY.webhooks }, schema: { tags, params: ZWebhookParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteWebhook({ db, actor: request.user!, id: request.params.id, request });
    return reply.status(204).send(null);
  });
}
