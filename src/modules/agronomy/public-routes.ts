import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vnDate } from '../../core/calendar/index.js';
import { ZFileReply } from '../../core/validation/index.js';
import { sendDownload } from '../../server/replies.js';
import { listPublishedBulletins, readBulletin } from './bulletin-views.js';
import { bulletinFile } from './pdf.js';
import { AGRONOMY_POLICY } from './policy.js';
import { salinityStations } from './salinity.js';
import { ZBulletinQuery, ZIdParam, ZPdfQuery, ZPublicBulletin, ZPublicBulletinPage, ZSalinity, ZUnsubscribe } from './schema.js';
import { unsubscribeByToken } from './subscriptions.js';

// What farmers and cooperatives read without an account: published bulletins, their PDFs, the salinity stations.

export async function publicAgronomyRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['agronomy', 'public'];
  const config = { access: AGRONOMY_POLICY.public };

  app.get('/api/public/agronomy/bulletins', { config, schema: { tags, querystring: ZBulletinQuery, response: { 200: ZPublicBulletinPage } } },
    async (request, reply) => reply.header('cache-control', 'public, max-age=300').send(await listPublishedBulletins(db, request.query)));
  app.get('/api/public/agronomy/bulletins/:id', { config, schema: { tags, params: ZIdParam, response: { 200: ZPublicBulletin } } },
    async (request) => readBulletin(db, request.params.id, true));
  app.get('/api/public/agronomy/bulletins/:id/pdf', { config, schema: { tags, params: ZIdParam, querystring: ZPdfQuery, response: { 200: ZFileReply } } },
    async (request, reply) => sendDownload(reply, { type: 'application/pdf', ...(await bulletinFile(db, request.params.id, request.query.lang, true)) }));
  app.get('/api/public/agronomy/salinity', { config, schema: { tags, response: { 200: ZSalinity } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(await salinityStations(db, vnDate(now()), 7)));
  app.post('/api/public/agronomy/unsubscribe', { config, schema: { tags, body: ZUnsubscribe, response: { 200: z.object({ name: z.string() }) } } },
    async (request) => unsubscribeByToken(db, request.body.token, now()));
}
