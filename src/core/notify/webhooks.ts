import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { actorName, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { findWebhook } from './repo.js';
import type { WebhookCreate } from './schema.js';

/** Registers a webhook with a new signing secret, returned once. */
export async function createWebhook(options: { db: Db; actor: Actor; input: WebhookCreate; request?: FastifyRequest }) {
  const { db, actor, input, request } = options;
  const secret = crypto.randomBytes(24).toString('base64url');
  return inTransaction(db, async (trx) => {
    const row = await trx.insertInto('webhook').values({ name: input.name, url: input.url, secret, events: JSON.stringify(input.events), created_by: actorName(actor) })
      .returning(['id', 'name', 'url', 'events', 'active']).executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'webhook.create', entity: 'webhook', entityId: row.id, after: { ...input } }, request);
    return { ...row, secret };
  });
}

/** Removes a webhook; its deliveries, pending or past, go with it (ON DELETE CASCADE). */
export async function deleteWebhook(options: { db: Db; actor: Actor; id: number; request?: FastifyRequest }): Promise<void> {
  const { db, actor, id, request } = options;
  await inTransaction(db, async (trx) => {
    const row = await findWebhook(trx, id);
    if (!row) throw notFound('id');
    await trx.deleteFrom('webhook').where('id', '=', row.id).execute();
    await recordAudit(trx, actor, { action: 'webhook.delete', entity: 'webhook', entityId: row.id, before: row }, request);
  });
}
