import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IOC_POLICY } from '../policy.js';
import { BASEMAP_FILE_URL, basemapView, sendBasemapFile } from './basemap.js';
import { mapPoints } from './points.js';
import { ZBasemap, ZBasemapFile, ZMapPoints, ZMapQuery, ZPointsQuery, ZUnitMap, ZUnitPage, ZUnitPageParams, ZUnitPageQuery } from './schema.js';
import { unitMapView } from './service.js';
import { unitPage } from './unit-page.js';

/** The IOC's map (a choropleth by unit in time, drilled down level by level) and its page of one unit. */
export async function iocMapRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now, config } = app.ctx;
  const tags = ['ioc'];

  app.get('/api/ioc/map', { config: { access: IOC_POLICY.read }, schema: { tags, querystring: ZMapQuery, response: { 200: ZUnitMap } } },
    async (request) => unitMapView({ db, actor: request.user!, query: request.query, now: now() }));

  app.get('/api/ioc/map/points', { config: { access: IOC_POLICY.read }, schema: { tags, querystring: ZPointsQuery, response: { 200: ZMapPoints } } },
    async (request) => mapPoints({ db, actor: request.user!, query: request.query, now: now() }));

  app.get('/api/ioc/units/:id', {
    config: { access: IOC_POLICY.read }, schema: { tags, params: ZUnitPageParams, querystring: ZUnitPageQuery, response: { 200: ZUnitPage } },
  }, async (request) => unitPage({ db, actor: request.user!, id: request.params.id, date: request.query.date, now: now() }));

  // The basemap is not personal data, but it is the map's: whoever may read the map (people, wall screens) reads it.
  app.get('/api/ioc/map/basemap', { config: { access: IOC_POLICY.read }, schema: { tags, response: { 200: ZBasemap } } },
    async () => basemapView(config));

  app.get(BASEMAP_FILE_URL, {
    config: { access: IOC_POLICY.read }, schema: { tags, response: { 200: ZBasemapFile, 206: ZBasemapFile, 304: ZBasemapFile } },
  }, async (request, reply) => sendBasemapFile(config, request, reply));
}
