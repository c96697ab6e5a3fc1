import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestLocale } from '../../server/errors.js';
import { sendJsonText } from '../../server/replies.js';
import { scorecardCacheFor, scorecardKey } from './cache.js';
import { SCORECARD_POLICY } from './policy.js';
import { ZExport, ZFile, ZIndicatorDetail, ZIndicatorParams, ZQuery, ZScorecard } from './schema.js';
import { indicatorDetail } from './detail.js';
import { asOfDay, exportScorecard, scorecard, scorecardUnit } from './service.js';

/** /api/scorecard: the Resolution 07 scorecard and the DTI page, their exports and each indicator's drill-down. */
export async function scorecardRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['scorecard'];
  const config = { access: SCORECARD_POLICY.read };
  const cache = scorecardCacheFor(db);

  app.get('/api/scorecard', { config, schema: { tags, querystring: ZQuery, response: { 200: ZScorecard } } }, async (request, reply) => {
    const { framework } = request.query;
    const asOf = asOfDay(request.query.asOf, now());
    const unitId = await scorecardUnit(db, { unitId: request.query.unitId, actor: request.user, asOf });
    // The schema's parse keeps what the answer documents, as the route's serializer would.
    return sendJsonText(reply, await cache.json(scorecardKey(framework, unitId, asOf), async () =>
      ZScorecard.parse(await scorecard(db, { framework, unitId, asOf }))));
  });

  /** The scorecard to forward or print, in the reader's language. */
  app.get('/api/scorecard/export', { config, schema: { tags, querystring: ZExport, response: { 200: ZFile } } }, async (request, reply) => {
    const { framework, unitId, asOf, format } = request.query;
    const file = await exportScorecard(db, { framework, unitId, asOf, actor: request.user, format, locale: request.query.lang ?? requestLocale(request), now: now() });
    return reply.type(file.type).header('content-disposition', `attachment; filename="${file.name}"`).send(file.body);
  });

  app.get('/api/scorecard/indicators/:code', { config, schema: { tags, params: ZIndicatorParams, querystring: ZQuery, response: { 200: ZIndicatorDetail } } }, async (request, reply) => {
    const { code } = request.params;
    const asOf = asOfDay(request.query.asOf, now());
    const unitId = await scorecardUnit(db, { unitId: request.query.unitId, actor: request.user, asOf });
    return sendJsonText(reply, await cache.json(`indicator|${code}|${unitId}|${asOf}`, async () =>
      ZIndicatorDetail.parse(await indicatorDetail(db, { code, unitId, asOf }))));
  });
}
