import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { nameText } from '../validation/index.js';
import { notFound } from '../../server/errors.js';
import type { CaseEvent } from '../cases/index.js';

const CASE_EVENTS: `case.${CaseEvent}`[] = ['case.received', 'case.routed', 'case.forwarded', 'case.accepted', 'case.answered', 'case.returned',
  'case.reopened', 'case.closed', 'case.merged', 'case.escalated', 'case.due_soon'];
const ZWebhookUrl = z.string().trim().url().max(500).refine((u) => /^https?:\/\//.test(u), { message: 'http or https' });

/**
 * In-app notifications of the signed-in user; webhooks and the delivery log for administrators.
 */
export async function notificationRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;

  app.get('/api/notifications', {
    config: { access: ACCESS.signedIn },
    schema: { tags: ['notifications'], querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  }, async (request) => {
    const userId = request.user!.kind === 'user' ? request.user!.id : 0;
    let q = db.selectFrom('notification').select(['id', 'event', 'subject', 'body', 'payload', 'case_id as caseId', 'created_at as createdAt', 'read_at as readAt'])
      .where('channel', '=', 'in_app').where('user_id', '=', userId);
    if (request.query.unread === 'true') q = q.where('read_at', 'is', null);
    const items = await q.orderBy('id', 'desc').limit(request.query.limit).execute();
    const unread = await db.selectFrom('notification').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('channel', '=', 'in_app').where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
    return { unread: Number(unread.n), items };
  });

  app.post('/api/notifications/read', {
    config: { access: ACCESS.signedIn },
    schema: { tags: ['notifications'], body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }).strict() },
  }, async (request) => {
    const userId = request.user!.kind === 'user' ? request.user!.id : 0;
    let q = db.updateTable('notification').set({ read_at: now() }).where('channel', '=', 'in_app').where('user_id', '=', userId).where('read_at', 'is', null);
    if (request.body.ids) q = q.where('id', 'in', request.body.ids.length ? request.body.ids : [0]);
    const r = await q.executeTakeFirst();
    return { marked: Number(r.numUpdatedRows) };
  });

  app.get('/api/notifications/outbox', {
    config: { access: ACCESS.admins },
    schema: { tags: ['notifications'], querystring: z.object({ state: z.enum(['pending', 'sent', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  }, async (request) => {
    let q = db.selectFrom('notification').select(['id', 'channel', 'recipient', 'event', 'subject', 'state', 'attempts', 'last_error as lastError', 'created_at as createdAt', 'sent_at as sentAt', 'next_attempt_at as nextAttemptAt'])
      .where('channel', '<>', 'in_app');
    if (request.query.state) q = q.where('state', '=', request.query.state);
    return q.orderBy('id', 'desc').limit(request.query.limit).execute();
  });

  app.get('/api/webhooks', { config: { access: ACCESS.admins }, schema: { tags: ['notifications'] } }, async () => ({
    events: CASE_EVENTS,
    webhooks: await db.selectFrom('webhook').select(['id', 'name', 'url', 'events', 'active', 'created_by as createdBy', 'created_at as createdAt']).orderBy('id').execute(),
  }));

  app.post('/api/webhooks', {
    config: { access: ACCESS.admins },
    schema: {
      tags: ['notifications'],
      body: z.object({ name: nameText(100), url: ZWebhookUrl, events: z.array(z.enum([...CASE_EVENTS, '*'])).min(1) }).strict(),
    },
  }, async (request, reply) => {
    // The secret is shown once, here; receivers check X-TinhSo-Signature with it.
    const secret = crypto.randomBytes(24).toString('base64url');
    const row = await db.insertInto('webhook').values({ name: request.body.name, url: request.body.url, secret, events: JSON.stringify(request.body.events), created_by: request.user!.kind === 'user' ? request.user!.username : 'token' })
      .returning(['id', 'name', 'url', 'events', 'active']).executeTakeFirstOrThrow();
    await recordAudit(db, request.user!, { action: 'webhook.create', entity: 'webhook', entityId: row.id, after: { ...request.body } }, request);
    return reply.status(201).send({ ...row, secret });
  });

  app.delete('/api/webhooks/:id', {
    config: { access: ACCESS.admins },
    schema: { tags: ['notifications'], params: z.object({ id: z.coerce.number().int().positive() }) },
  }, async (request, reply) => {
    const row = await db.selectFrom('webhook').select(['id', 'name', 'url']).where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound('id');
    // Its deliveries, pending or past, go with it (ON DELETE CASCADE).
    await db.deleteFrom('webhook').where('id', '=', row.id).execute();
    await recordAudit(db, request.user!, { action: 'webhook.delete', entity: 'webhook', entityId: row.id, before: row }, request);
    return reply.status(204).send();
  });
}
