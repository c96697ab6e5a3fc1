import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeUnitIds } from '../access/index.js';
import { liveHub } from './hub.js';
import { LIVE_POLICY, audienceOf } from './policy.js';
import { LIVE_TOPICS, ZLiveHeaders, ZLiveQuery, ZLiveStream } from './schema.js';
import { serveStream } from './stream.js';

export async function liveRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  app.get('/api/live', {
    config: { access: LIVE_POLICY.stream },
    schema: { tags: ['live'], querystring: ZLiveQuery, headers: ZLiveHeaders, response: { 200: ZLiveStream } },
  }, async (request, reply) => {
    const [hub, units] = await Promise.all([liveHub(db), scopeUnitIds(db, request.user!)]);
    const audience = audienceOf(request.user!, request.query.topics?.length ? request.query.topics : LIVE_TOPICS, units);
    await serveStream(hub, reply, audience, request.headers['last-event-id'] ?? request.query.lastEventId);
  });
}
