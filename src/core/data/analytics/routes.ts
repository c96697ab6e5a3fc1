import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ANALYTICS_POLICY } from './policy.js';
import { ZAnalyticsQuery, ZSeries } from './schema.js';
import { computeSeries } from './series.js';

/** /api/analytics: any element or indicator for a unit over periods, from the stored values. */
export async function analyticsRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  app.get('/api/analytics', {
    config: { access: ANALYTICS_POLICY.read }, schema: { tags: ['data'], querystring: ZAnalyticsQuery, response: { 200: ZSeries } },
  }, async (request) => computeSeries({ db, query: request.query }));
}
