import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IOC_POLICY } from '../policy.js';
import { mapPoints } from './points.js';
import { ZMapPoints, ZMapQuery, ZPointsQuery, ZUnitMap, ZUnitPage, ZUnitPageParams, ZUnitPageQuery } from './schema.js';
import { unitMapView } from './service.js';
import { unitPage } from './unit-page.js';

/** The IOC's map (a choropleth by unit in time, drilled down level by level) and its page of one unit. */
export async function iocMapRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['ioc'];

  app.get('/api/ioc/map', { config: { access: IOC_POLICY.read }, schema: { tags, querystring: ZMapQuery, response: { 200: ZUnitMap } } },
    async (request) => unitMapView({ db, actor: request.user!, query: request.query, now: now() }));

  app.get('/api/ioc/map/points', { config: { access: IOC_POLICY.read }, schema: { tags, querystring: ZPointsQuery, response: { 200: ZMapPoints } } },
    async (request) => mapPoints({ db, actor: request.user!, query: request.query, now: now() }));

  app.get('/api/ioc/units/:id', {
    config: { access: IOC_POLICY.read }, schema: { tags, params: ZUnitPageParams, querystring: ZUnitPageQuery, response: { 200: ZUnitPage } },
  }, async (request) => unitPage({ db, actor: request.user!, id: request.params.id, date: request.query.date, now: now() }));
}
