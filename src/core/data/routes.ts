import type { FastifyInstance } from 'fastify';
import { analyticsRoutes } from './analytics/index.js';
import { exchangeRoutes } from './exchange/index.js';
import { indicatorRoutes } from './indicators/index.js';
import { metadataRoutes } from './metadata/index.js';
import { valueRoutes } from './values/index.js';

/** The store's routes, one URL resource per sub-module. */
export async function dataRoutes(app: FastifyInstance): Promise<void> {
  await app.register(metadataRoutes);
  await app.register(indicatorRoutes);
  await app.register(valueRoutes);
  await app.register(exchangeRoutes);
  await app.register(analyticsRoutes);
}
