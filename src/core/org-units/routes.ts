import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../access/index.js';
import { vnDate } from '../calendar/index.js';
import { AppError } from '../../server/errors.js';
import { ZFeatureCollection } from './geojson.js';
import * as repo from './repo.js';
import { ZUnitCreate, ZUnitUpdate, createUnit, describeUnit, updateUnit, uploadBoundaries } from './service.js';
import { unitCacheFor } from './cache.js';
import { TOKEN_SCOPES } from '../tokens/index.js';

const ZLevel = z.enum(['province', 'district', 'commune', 'department']);
const ZAsOf = z.object({ asOf: z.iso.date().optional() });
const ZId = z.object({ id: z.coerce.number().int().positive() });
const ZUnit = z.object({
  id: z.number(), code: z.string(), name: z.string(), shortName: z.string().nullable(), type: z.string(), level: ZLevel,
  parentId: z.number().nullable(), parentCode: z.string().nullable(), validFrom: z.string().nullable(), validTo: z.string().nullable(),
});
const ZLink = z.object({ eventId: z.number(), date: z.string(), kind: z.string(), legalBasis: z.string().nullable(), note: z.string().nullable(), share: z.string(), unit: ZUnit });

/** Reference data: every signed-in user and every API token may read it; only administrators change it. */
const readers = ACCESS.readers([...TOKEN_SCOPES]);
const admins = ACCESS.admins;

export async function orgUnitRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const asOfOrToday = (asOf?: string) => asOf ?? vnDate(now());
  const cache = unitCacheFor(db);

  app.get('/api/org-units', {
    config: { access: readers },
    schema: {
      tags: ['org-units'],
      querystring: ZAsOf.extend({ level: ZLevel.optional(), parentCode: z.string().max(30).optional() }),
      description: 'The units in force on asOf (default today): [{id, code, name, shortName, type, level, parentId, parentCode, validFrom, validTo}].',
    },
  }, async (request, reply) => {
    const asOf = asOfOrToday(request.query.asOf);
    const { level, parentCode } = request.query;
    reply.type('application/json; charset=utf-8');
    // The unfiltered list is JSON text serialised once per version and date.
    if (!level && !parentCode) return cache.json(asOf, 'list');
    const units = await cache.inForce(asOf);
    let parentId: number | undefined;
    if (parentCode) {
      const parent = units.find((u) => u.code === parentCode);
      if (!parent) throw new AppError('unit_not_found', { code: parentCode, date: asOf }, 'parentCode');
      parentId = parent.id;
    }
    return units.filter((u) => (!level || u.level === level) && (parentId === undefined || u.parentId === parentId));
  });

  app.get('/api/org-units/tree', {
    config: { access: readers },
    schema: { tags: ['org-units'], querystring: ZAsOf, description: 'The units in force on asOf, nested under their parents (children[]).' },
  }, async (request, reply) => reply.type('application/json; charset=utf-8').send(await cache.json(asOfOrToday(request.query.asOf), 'tree')));

  app.get('/api/org-units/events', {
    config: { access: readers },
    schema: { tags: ['org-units'], querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }) },
  }, async (request) => {
    let q = db.selectFrom('org_unit_event').select(['id', 'event_date as date', 'kind', 'legal_basis as legalBasis', 'note']);
    if (request.query.from) q = q.where('event_date', '>=', request.query.from);
    if (request.query.to) q = q.where('event_date', '<=', request.query.to);
    return q.orderBy('event_date').orderBy('id').execute();
  });

  app.get('/api/org-units/boundaries', {
    config: { access: readers },
    schema: { tags: ['org-units'], querystring: ZAsOf.extend({ level: ZLevel.optional() }) },
  }, async (request, reply) => {
    const rows = await repo.boundaries(db, asOfOrToday(request.query.asOf), request.query.level);
    reply.header('content-type', 'application/geo+json; charset=utf-8');
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: r.geometry, properties: { id: r.id, code: r.code, name: r.name, type: r.type, level: r.level, source: r.source } })),
    };
  });

  app.put('/api/org-units/boundaries', {
    config: { access: admins },
    bodyLimit: 25 * 1024 * 1024,
    schema: {
      tags: ['org-units'],
      body: z.object({ asOf: z.iso.date().optional(), source: z.string().trim().min(3).max(300), collection: ZFeatureCollection }).strict(),
    },
  }, async (request) => uploadBoundaries(db, request.user!, { ...request.body, asOf: asOfOrToday(request.body.asOf) }, request));

  app.get('/api/org-units/:id', {
    config: { access: readers },
    schema: {
      tags: ['org-units'], params: ZId, querystring: ZAsOf,
      response: {
        200: z.object({
          unit: ZUnit, ancestors: z.array(ZUnit), children: z.array(ZUnit), predecessors: z.array(ZLink), successors: z.array(ZLink),
          events: z.array(z.object({ eventId: z.number(), date: z.string(), kind: z.string(), legalBasis: z.string().nullable(), note: z.string().nullable(), role: z.string() })),
          boundarySource: z.string().nullable(),
        }),
      },
    },
  }, async (request) => describeUnit(db, request.params.id, request.query.asOf));

  app.get('/api/org-units/:id/descendants', {
    config: { access: readers },
    schema: { tags: ['org-units'], params: ZId, querystring: ZAsOf, response: { 200: z.array(ZUnit) } },
  }, async (request) => {
    const unit = await repo.getById(db, request.params.id);
    if (!unit) throw new AppError('not_found', {}, 'id');
    return repo.descendants(db, unit.id, request.query.asOf ?? unit.validTo ?? vnDate(now()));
  });

  app.post('/api/org-units', {
    config: { access: admins },
    schema: { tags: ['org-units'], body: ZUnitCreate, response: { 201: ZUnit } },
  }, async (request, reply) => reply.status(201).send(await createUnit(db, request.user!, request.body, now(), request)));

  app.patch('/api/org-units/:id', {
    config: { access: admins },
    schema: { tags: ['org-units'], params: ZId, body: ZUnitUpdate, response: { 200: ZUnit } },
  }, async (request) => updateUnit(db, request.user!, request.params.id, request.body, request));
}
