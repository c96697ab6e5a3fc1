import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { vnDate } from '../../core/calendar/index.js';
import { provideAttachments } from '../../core/notify/index.js';
import { ZFileReply } from '../../core/validation/index.js';
import { sendDownload } from '../../server/replies.js';
import { BRIEFING_POLICY } from './policy.js';
import { ZBriefing, ZBriefingId, ZBriefingPage, ZBriefingQuery, ZGenerate, ZPdfQuery } from './schema.js';
import { briefingFile, generateBriefing, getBriefing, listBriefings } from './service.js';

export async function briefingRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['briefing'];
  // The e-mail to leaders carries the PDF, made when the message leaves.
  provideAttachments('briefing', async (database, ref) => {
    const { name, body } = await briefingFile(database, Number(ref.id), ref.lang === 'en' ? 'en' : 'vi');
    return { filename: name, content: body, contentType: 'application/pdf' };
  });

  app.get('/api/briefings', { config: { access: BRIEFING_POLICY.read }, schema: { tags, querystring: ZBriefingQuery, response: { 200: ZBriefingPage } } },
    async (request) => listBriefings(db, request.query));

  app.post('/api/briefings/generate', {
    config: { access: BRIEFING_POLICY.generate },
    schema: { tags, body: ZGenerate, response: { 201: ZBriefing, 200: ZBriefing }, description: 'Makes the daily or weekly briefing of a day now (201), or answers the one made (200); `replace` remakes it.' },
  }, async (request, reply) => {
    const { kind, madeOn, replace } = request.body;
    const made = await generateBriefing({ db, actor: request.user!, kind, madeOn: madeOn ?? vnDate(now()), replace, now: now(), request });
    return reply.status(made.created ? 201 : 200).send(made.briefing);
  });

  app.get('/api/briefings/:id', { config: { access: BRIEFING_POLICY.read }, schema: { tags, params: ZBriefingId, response: { 200: ZBriefing } } },
    async (request) => getBriefing(db, request.params.id));

  app.get('/api/briefings/:id/pdf', {
    config: { access: BRIEFING_POLICY.read }, schema: { tags, params: ZBriefingId, querystring: ZPdfQuery, response: { 200: ZFileReply } },
  }, async (request, reply) => sendDownload(reply, { type: 'application/pdf', ...(await briefingFile(db, request.params.id, request.query.lang)) }));
}
