import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { vnDate } from '../../core/calendar/index.js';
import { followReport, rateReport } from './citizen.js';
import { readIntake, submitFeedback } from './intake.js';
import { CITIZEN, FEEDBACK_POLICY } from './policy.js';
import { communeAt, listCategories, listPlaces, nearbyReports, publicList, publicMapOutlines, publicPhoto, publicReport } from './public.js';
import {
  ZBinary, ZCategoryView, ZCode, ZFollowed, ZMapOutlines, ZNearby, ZNearbyQuery, ZPhotoParams, ZPlaceAt, ZPlaces, ZPoint, ZPublicList, ZPublicPage,
  ZPublicReport, ZRated, ZRating, ZSubmitted, ZSubscribe,
} from './schema.js';
import { z } from 'zod';

/** /api/public/feedback: what citizens send, follow and read, without an account. */
export async function citizenFeedbackRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['feedback'];
  const access = FEEDBACK_POLICY.citizens;
  const limited = { access, rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.get('/api/public/feedback/categories', { config: { access }, schema: { tags, response: { 200: z.array(ZCategoryView) } } }, async () => listCategories(db));

  app.post('/api/public/feedback', {
    config: limited,
    bodyLimit: 64 * 1024,
    schema: {
      tags, response: { 201: ZSubmitted, 200: ZSubmitted },
      description: 'A citizen\'s report: JSON (the fields of the report), or multipart/form-data with the report as JSON in the field `report` and up to 5 photos in `photos`. '
        + 'With a `clientRef` (a UUID the app makes once per report), sending it again — even concurrently, to another server — makes no second case: '
        + '201 answers the case made, 200 the case that id made before (as it stands now), 422 client_ref_reused when that id came with another report.',
    },
  }, async (request, reply) => {
    const { input, photos } = await readIntake(request);
    const { created, ...submitted } = await submitFeedback({ db, actor: CITIZEN, input, photos, now: now(), request });
    return reply.status(created ? 201 : 200).send(submitted);
  });

  app.get('/api/public/feedback', { config: { access }, schema: { tags, querystring: ZPublicList, response: { 200: ZPublicPage } } }, async (request) => publicList(db, request.query));

  app.get('/api/public/feedback/:code/photos/:n', {
    config: { access },
    schema: { tags, params: ZPhotoParams, response: { 200: ZBinary } },
  }, async (request, reply) => {
    const { contentType, image } = await publicPhoto(db, request.params.code, request.params.n);
    return reply.type(contentType).header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').send(image);
  });

  app.get('/api/public/feedback/:code', { config: { access }, schema: { tags, params: ZCode, response: { 200: ZPublicReport } } }, async (request) => publicReport(db, request.params.code));

  /** The communes a citizen can pick, in force today (public reference data). */
  app.get('/api/public/feedback/places', { config: { access }, schema: { tags, response: { 200: ZPlaces } } }, async () => listPlaces(db, vnDate(now())));

  app.get('/api/public/feedback/map', { config: { access }, schema: { tags, response: { 200: ZMapOutlines } } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=600');
    return publicMapOutlines(db, vnDate(now()));
  });

  /** The commune under a pin, when commune boundaries are loaded: the place the citizen's form pre-selects. */
  app.get('/api/public/feedback/place-at', { config: { access }, schema: { tags, querystring: ZPoint, response: { 200: ZPlaceAt } } },
    async (request) => ({ place: await communeAt(db, request.query, vnDate(now())) }));

  app.get('/api/public/feedback/nearby', { config: { access }, schema: { tags, querystring: ZNearbyQuery, response: { 200: ZNearby } } },
    async (request) => (await nearbyReports(db, { ...request.query, now: now() })).map(({ id: _, ...r }) => r));

  app.post('/api/public/feedback/:code/follow', { config: limited, schema: { tags, params: ZCode, body: ZSubscribe, response: { 200: ZFollowed } } },
    async (request) => followReport({ db, code: request.params.code, input: request.body, now: now() }));

  app.post('/api/public/feedback/:code/rating', { config: limited, schema: { tags, params: ZCode, body: ZRating, response: { 200: ZRated } } },
    async (request) => rateReport({ db, code: request.params.code, input: request.body, now: now() }));
}
