import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZFileReply } from '../../core/validation/index.js';
import { sendDownload } from '../../server/replies.js';
import { lotLabel, lotLabelSheet } from './lot-labels.js';
import { createLot, getLot, issueLotSerials, listLots, lotSerials, recallLot } from './lots.js';
import { TRACE_POLICY } from './policy.js';
import { ZIdParam, ZLabelsQuery, ZLotInput, ZLotList, ZLotView, ZRecallInput, ZSerialsInput, ZSerialsQuery, ZSerialsView } from './schema.js';

/** Lots of a product, their recall, serials and labels (QR of the lot's GS1 Digital Link URI, A4 sheets). */
export async function lotRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now, config } = app.ctx;
  const { publicUrl } = config;
  const tags = ['traceability'];
  const read = { access: TRACE_POLICY.read };
  const write = { access: TRACE_POLICY.write };

  app.get('/api/traceability/products/:id/lots', { config: read, schema: { tags, params: ZIdParam, response: { 200: ZLotList } } },
    async (request) => listLots(db, request.user!, request.params.id, publicUrl));
  app.post('/api/traceability/products/:id/lots', { config: write, schema: { tags, params: ZIdParam, body: ZLotInput, response: { 201: ZLotView } } },
    async (request, reply) => reply.status(201).send(await createLot({ db, actor: request.user!, productId: request.params.id, input: request.body, now: now(), publicUrl, request })));
  app.get('/api/traceability/lots/:id', { config: read, schema: { tags, params: ZIdParam, response: { 200: ZLotView } } },
    async (request) => getLot(db, request.user!, request.params.id, publicUrl));
  app.post('/api/traceability/lots/:id/recall', { config: write, schema: { tags, params: ZIdParam, body: ZRecallInput, response: { 200: ZLotView } } },
    async (request) => recallLot({ db, actor: request.user!, id: request.params.id, reason: request.body.reason, now: now(), publicUrl, request }));
  app.post('/api/traceability/lots/:id/serials', { config: write, schema: { tags, params: ZIdParam, body: ZSerialsInput, response: { 201: ZSerialsView } } },
    async (request, reply) => reply.status(201).send(await issueLotSerials({ db, actor: request.user!, id: request.params.id, count: request.body.count, request })));
  app.get('/api/traceability/lots/:id/serials', { config: read, schema: { tags, params: ZIdParam, querystring: ZSerialsQuery, response: { 200: ZSerialsView } } },
    async (request) => lotSerials(db, request.user!, request.params.id, request.query));

  for (const format of ['png', 'svg'] as const) {
    app.get(`/api/traceability/lots/:id/label.${format}`, {
      config: read, schema: { tags, params: ZIdParam, response: { 200: ZFileReply }, description: `The lot's QR label (${format.toUpperCase()}): its GS1 Digital Link URI /01/{gtin}/10/{lot}.` },
    }, async (request, reply) => sendDownload(reply, await lotLabel(db, request.user!, request.params.id, publicUrl, format)));
  }
  app.get('/api/traceability/lots/:id/labels.pdf', {
    config: read,
    schema: {
      tags, params: ZIdParam, querystring: ZLabelsQuery, response: { 200: ZFileReply },
      description: 'A4 sheets of labels (3 × 6 a page): one per issued serial (/01/{gtin}/21/{serial}, `limit` of them from `offset`), or, for a lot without serials, one sheet of the lot\'s label.',
    },
  }, async (request, reply) => sendDownload(reply, await lotLabelSheet(db, request.user!, request.params.id, publicUrl, request.query)));
}
