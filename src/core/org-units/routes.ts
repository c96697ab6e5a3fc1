import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../server/errors.js';
import { sendJsonText } from '../../server/replies.js';
import { vnDate } from '../calendar/index.js';
import { unitCacheFor } from './cache.js';
import { ORG_UNIT_POLICY } from './policy.js';
import { boundaries, descendants, getById, listEvents } from './repo.js';
import {
  ZAsOf, ZBoundaries, ZBoundaryQuery, ZBoundaryUpload, ZBoundaryUploaded, ZEvent, ZEventsQuery, ZListQuery, ZUnit, ZUnitCreate, ZUnitDescription,
  ZUnitParams, ZUnitTree, ZUnitUpdate,
} from './schema.js';
import { createUnit, describeUnit, updateUnit, uploadBoundaries } from './service.js';

export async function orgUnitRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const asOfOrToday = (asOf?: string) => asOf ?? vnDate(now());
  const cache = unitCacheFor(db);
  const tags = ['org-units'];
  const { read, change } = ORG_UNIT_POLICY;

  app.get('/api/org-units', {
    config: { access: read },
    schema: { tags, querystring: ZListQuery, response: { 200: z.array(ZUnit) }, description: 'The units in force on asOf (default today).' },
  }, async (request, reply) => {
    const asOf = asOfOrToday(request.query.asOf);
    const { level, parentCode } = request.query;
    // The unfiltered list is JSON text serialised once per version and date.
    if (!level && !parentCode) return sendJsonText(reply, await cache.json(asOf, 'list'));
    const units = await cache.inForce(asOf);
    const parent = parentCode ? units.find((u) => u.code === parentCode) : undefined;
    if (parentCode && !parent) throw new AppError('unit_not_found', { code: parentCode, date: asOf }, 'parentCode');
    return units.filter((u) => (!level || u.level === level) && (!parent || u.parentId === parent.id));
  });

  app.get('/api/org-units/tree', {
    config: { access: read },
    schema: { tags, querystring: ZAsOf, response: { 200: z.array(ZUnitTree) }, description: 'The units in force on asOf, nested under their parents.' },
  }, async (request, reply) => sendJsonText(reply, await cache.json(asOfOrToday(request.query.asOf), 'tree')));

  app.get('/api/org-units/events', {
    config: { access: read }, schema: { tags, querystring: ZEventsQuery, response: { 200: z.array(ZEvent) } },
  }, async (request) => listEvents(db, request.query));

  app.get('/api/org-units/boundaries', {
    config: { access: read }, schema: { tags, querystring: ZBoundaryQuery, response: { 200: ZBoundaries } },
  }, async (request, reply) => {
    const rows = await boundaries(db, asOfOrToday(request.query.asOf), request.query.level);
    reply.header('content-type', 'application/geo+json; charset=utf-8');
    return {
      type: 'FeatureCollection' as const,
      features: rows.map((r) => ({ type: 'Feature' as const, id: r.id, geometry: r.geometry, properties: { id: r.id, code: r.code, name: r.name, type: r.type, level: r.level, source: r.source } })),
    };
  });

  app.put('/api/org-units/boundaries', {
    config: { access: change }, bodyLimit: 25 * 1024 * 1024, schema: { tags, body: ZBoundaryUpload, response: { 200: ZBoundaryUploaded } },
  }, async (request) => uploadBoundaries(db, request.user!, { ...request.body, asOf: asOfOrToday(request.body.asOf) }, request));

  app.get('/api/org-units/:id', {
    config: { access: read }, schema: { tags, params: ZUnitParams, querystring: ZAsOf, response: { 200: ZUnitDescription } },
  }, async (request) => describeUnit(db, request.params.id, request.query.asOf));

  app.get('/api/org-units/:id/descendants', {
    config: { access: read }, schema: { tags, params: ZUnitParams, querystring: ZAsOf, response: { 200: z.array(ZUnit) } },
  }, async (request) => {
    const unit = await getById(db, request.params.id);
    if (!unit) throw notFound('id');
    return descendants(db, unit.id, request.query.asOf ?? unit.validTo ?? vnDate(now()));
  });

  app.post('/api/org-units', {
    config: { access: change }, schema: { tags, body: ZUnitCreate, response: { 201: ZUnit } },
  }, async (request, reply) => reply.status(201).send(await createUnit(db, request.user!, request.body, now(), request)));

  app.patch('/api/org-units/:id', {
    config: { access: change }, schema: { tags, params: ZUnitParams, body: ZUnitUpdate, response: { 200: ZUnit } },
  }, async (request) => updateUnit(db, request.user!, request.params.id, request.body, request));
}
