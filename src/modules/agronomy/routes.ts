import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { processPhotos } from '../../core/cases/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { provideAttachments } from '../../core/notify/index.js';
import { ZFileReply } from '../../core/validation/index.js';
import { readJsonWithFiles } from '../../server/multipart.js';
import { sendDownload } from '../../server/replies.js';
import { listAllBulletins, readBulletin } from './bulletin-views.js';
import { draftBulletin, editBulletin, moveBulletin } from './bulletins.js';
import { bulletinFile } from './pdf.js';
import { fieldCountPhotoFile, fieldCountsOf, recordFieldCount } from './field-counts.js';
import { AGRONOMY_POLICY } from './policy.js';
import { publicAgronomyRoutes } from './public-routes.js';
import { agronomyReference } from './reference.js';
import { currentNight } from './readings.js';
import { salinityStations } from './salinity.js';
import {
  ZBulletinDraft, ZBulletinEdit, ZBulletinPage, ZBulletinQuery, ZBulletinView, ZCommuneSeries, ZDayQuery, ZFieldCountInput, ZFieldCountSaved, ZFieldCountView,
  ZIdParam, ZNightQuery, ZPdfQuery, ZRange, ZSalinity, ZSpeciesView, ZStageInput, ZStages, ZStageView, ZSubscriptionInput, ZSubscriptionView, ZTrapMap, ZTrapSeries, ZUnitParam,
} from './schema.js';
import { setCropStage, cropStages } from './stages.js';
import { cancelSubscription, subscribe, subscriptionsFor } from './subscriptions.js';
import { communeSeries, trapMap, trapSeries } from './traps.js';


export async function agronomyRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now, config } = app.ctx;
  const tags = ['agronomy'];
  const read = { access: AGRONOMY_POLICY.read };
  provideAttachments('agronomy.bulletin', async (database, ref) => {
    const { name, body } = await bulletinFile(database, Number(ref.id), ref.lang === 'en' ? 'en' : 'vi', false);
    return { filename: name, content: body, contentType: 'application/pdf' };
  });
  await app.register(publicAgronomyRoutes);

  app.get('/api/agronomy/species', { config: read, schema: { tags, response: { 200: ZSpeciesView } } },
    async () => agronomyReference().species.map(({ code, nameVi, nameEn, peak, outbreak }) => ({ code, nameVi, nameEn, peak, outbreak })));
  app.get('/api/agronomy/traps/map', { config: read, schema: { tags, querystring: ZNightQuery, response: { 200: ZTrapMap } } },
    async (request) => trapMap(db, request.query.night ?? currentNight(now())));
  app.get('/api/agronomy/traps/:id/series', { config: read, schema: { tags, params: ZIdParam, querystring: ZRange, response: { 200: ZTrapSeries } } },
    async (request) => trapSeries(db, request.params.id, request.query));
  app.get('/api/agronomy/communes/:unitId/series', { config: read, schema: { tags, params: ZUnitParam, querystring: ZRange, response: { 200: ZCommuneSeries } } },
    async (request) => communeSeries(db, request.params.unitId, request.query));
  app.get('/api/agronomy/salinity', { config: read, schema: { tags, querystring: ZDayQuery, response: { 200: ZSalinity } } },
    async (request) => salinityStations(db, request.query.day ?? vnDate(now()), request.query.days));

  app.get('/api/agronomy/crop-stages', { config: read, schema: { tags, response: { 200: ZStages } } }, async (request) => cropStages(db, request.user!));
  app.put('/api/agronomy/crop-stages', { config: { access: AGRONOMY_POLICY.enter }, schema: { tags, body: ZStageInput, response: { 200: ZStageView } } },
    async (request) => setCropStage({ db, actor: request.user!, input: request.body, now: now(), request }));

  app.post('/api/agronomy/field-counts', {
    config: { access: AGRONOMY_POLICY.enter },
    schema: { tags, response: { 201: ZFieldCountSaved, 200: ZFieldCountSaved }, description: 'A night\'s count at a trap: JSON, or multipart/form-data with the count as JSON in `count` and one photo in `photo`. A resend with the same clientRef answers 200 with the first count.' },
  }, async (request, reply) => {
    const { input, files } = await readJsonWithFiles(request, { schema: ZFieldCountInput, jsonField: 'count', fileField: 'photo', notJson: 'count_json_required' });
    const [photo] = await processPhotos(files.slice(0, 1), 'photo');
    const saved = await recordFieldCount({ db, actor: request.user!, input, photo: photo ?? null, now: now(), request });
    return reply.status(saved.created ? 201 : 200).send(saved);
  });
  app.get('/api/agronomy/traps/:id/field-counts', { config: read, schema: { tags, params: ZIdParam, response: { 200: z.object({ counts: z.array(ZFieldCountView) }) } } },
    async (request) => fieldCountsOf(db, request.user!, request.params.id));
  app.get('/api/agronomy/field-counts/:id/photo', { config: read, schema: { tags, params: ZIdParam, response: { 200: ZFileReply } } }, async (request, reply) => {
    const file = await fieldCountPhotoFile(db, request.user!, request.params.id);
    return reply.type(file.type).header('x-content-type-options', 'nosniff').send(file.body);
  });

  app.get('/api/agronomy/bulletins', { config: read, schema: { tags, querystring: ZBulletinQuery, response: { 200: ZBulletinPage } } },
    async (request) => listAllBulletins(db, request.query));
  app.post('/api/agronomy/bulletins', { config: { access: AGRONOMY_POLICY.draft }, schema: { tags, body: ZBulletinDraft, response: { 201: ZBulletinView } } },
    async (request, reply) => reply.status(201).send(await draftBulletin({ db, actor: request.user!, input: request.body, now: now(), request })));
  app.get('/api/agronomy/bulletins/:id', { config: read, schema: { tags, params: ZIdParam, response: { 200: ZBulletinView } } },
    async (request) => readBulletin(db, request.params.id, false));
  app.patch('/api/agronomy/bulletins/:id', { config: { access: AGRONOMY_POLICY.draft }, schema: { tags, params: ZIdParam, body: ZBulletinEdit, response: { 200: ZBulletinView } } },
    async (request) => editBulletin({ db, actor: request.user!, id: request.params.id, input: request.body, now: now(), request }));
  for (const [verb, to, access] of [['approve', 'approved', AGRONOMY_POLICY.approve], ['reopen', 'draft', AGRONOMY_POLICY.approve], ['publish', 'published', AGRONOMY_POLICY.approve]] as const) {
    app.post(`/api/agronomy/bulletins/:id/${verb}`, { config: { access }, schema: { tags, params: ZIdParam, response: { 200: ZBulletinView } } },
      async (request) => moveBulletin({ db, actor: request.user!, id: request.params.id, to, now: now(), publicUrl: config.publicUrl, request }));
  }
  app.get('/api/agronomy/bulletins/:id/pdf', { config: read, schema: { tags, params: ZIdParam, querystring: ZPdfQuery, response: { 200: ZFileReply } } },
    async (request, reply) => sendDownload(reply, { type: 'application/pdf', ...(await bulletinFile(db, request.params.id, request.query.lang, false)) }));

  app.get('/api/agronomy/subscriptions', { config: { access: AGRONOMY_POLICY.subscriptions }, schema: { tags, response: { 200: z.object({ subscriptions: z.array(ZSubscriptionView) }) } } },
    async (request) => subscriptionsFor(db, request.user!));
  app.post('/api/agronomy/subscriptions', { config: { access: AGRONOMY_POLICY.subscriptions }, schema: { tags, body: ZSubscriptionInput, response: { 201: ZSubscriptionView } } },
    async (request, reply) => reply.status(201).send(await subscribe({ db, actor: request.user!, input: request.body, now: now(), request })));
  app.delete('/api/agronomy/subscriptions/:id', { config: { access: AGRONOMY_POLICY.subscriptions }, schema: { tags, params: ZIdParam, response: { 204: z.null() } } },
    async (request, reply) => {
      await cancelSubscription({ db, actor: request.user!, id: request.params.id, now: now(), request });
      return reply.status(204).send(null);
    });
}
