import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { probeDatabase } from '../db/database.js';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { errorBody, requestLocale, ZErrorBody } from './errors.js';
import { readSetting } from './settings.js';

const VERSION = process.env.npm_package_version ?? '0.1.0';

/** Liveness, readiness, Prometheus metrics and what the web app needs to know before anyone logs in. */
export async function systemRoutes(appBase: FastifyInstance, state: { ready: () => boolean }): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tinhso_' });
  const duration = new Histogram({
    name: 'tinhso_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
  });
  const errors = new Counter({ name: 'tinhso_http_server_errors_total', help: '5xx responses', labelNames: ['route'] as const, registers: [registry] });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });

  const open = { access: { public: true as const }, logLevel: 'warn' as const };
  const tags = ['system'];
  app.get('/healthz', {
    config: { access: open.access }, logLevel: open.logLevel, schema: { tags, response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    config: { access: open.access }, logLevel: open.logLevel,
    schema: {
      tags,
      response: {
        200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']), busy: z.boolean().describe('the embedded database is answering long work (an import)') }),
        503: ZErrorBody,
      },
    },
  }, async (request, reply) => {
    if (!state.ready()) return reply.status(503).send(errorBody('unavailable', requestLocale(request)));
    // Never queued behind the work the database is doing: a balancer asks often and must be answered at once.
    const probe = await probeDatabase(app.ctx.db);
    if (probe.state === 'down') {
      request.log.warn({ reason: probe.reason }, 'database not answering');
      return reply.status(503).send(errorBody('unavailable', requestLocale(request)));
    }
    return { status: 'ready' as const, database: app.ctx.dbKind, busy: probe.state === 'busy' };
  });

  app.get('/metrics', {
    config: { access: open.access }, logLevel: open.logLevel, schema: { tags, response: { 200: z.string().describe('Prometheus text format') } },
  }, async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });

  app.get('/api/meta', {
    config: { access: open.access },
    schema: {
      tags,
      response: {
        200: z.object({
          name: z.string(), version: z.string(), demo: z.boolean(), database: z.enum(['pglite', 'postgres']), locales: z.array(z.enum(['vi', 'en'])),
          boundaryAttribution: z.string(),
        }),
      },
    },
  }, async () => ({
    name: 'Tỉnh Số',
    version: VERSION,
    demo: (await readSetting<boolean>(app.ctx.db, 'demo')) ?? false,
    database: app.ctx.dbKind,
    locales: ['vi' as const, 'en' as const],
    boundaryAttribution: 'Ranh giới huyện / District boundaries: Who\'s On First (Mesoshapes, CC0)',
  }));

  app.get('/api/openapi.json', { config: { access: open.access }, schema: { hide: true } }, async () => app.swagger());
}
