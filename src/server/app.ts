import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authenticationPlugin, authRoutes } from '../core/auth/index.js';
import { auditRoutes } from '../core/audit/index.js';
import { jobRoutes } from '../core/jobs/index.js';
import { orgUnitRoutes } from '../core/org-units/index.js';
import { tokenRoutes } from '../core/tokens/index.js';
import { userRoutes } from '../core/users/index.js';
import { dataRoutes } from '../core/data/index.js';
import { scorecardRoutes } from '../modules/scorecard/index.js';
import { calendarRoutes } from '../core/calendar/index.js';
import { feedbackBackOfficeRoutes, feedbackRoutes } from '../modules/feedback/index.js';
import { open311Routes } from '../modules/open311/index.js';
import { notificationRoutes } from '../core/notify/index.js';
import { liveRoutes } from '../core/live/index.js';
import { alertRoutes } from '../core/alerts/index.js';
import { reportingRoutes } from '../modules/reporting/index.js';
import { iocRoutes } from '../modules/ioc/index.js';
import { connectorRoutes } from '../modules/connectors/index.js';
import { briefingRoutes } from '../modules/briefing/index.js';
import { deviceRoutes } from '../modules/devices/index.js';
import { traceabilityRoutes } from '../modules/traceability/index.js';
import { agronomyRoutes } from '../modules/agronomy/index.js';
import multipart from '@fastify/multipart';
import { MULTIPART_LIMITS } from './multipart.js';
import type { AppContext } from './context.js';
import type { Access } from '../core/access/index.js';
import { frameworkErrors, registerErrorHandling, errorBody, requestLocale } from './errors.js';
import { systemRoutes } from './system-routes.js';
import { registerTextGuard } from './text-guard.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
export const BODY_LIMIT = 1024 * 1024;

export interface RouteEntry {
  method: string;
  url: string;
  access?: Access;
  /** The statuses the route declares a response schema for (the OpenAPI document shows no others). */
  responses: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  ready?: () => boolean;
  /** Serve the built web app (off in API-only tests). */
  web?: boolean;
}

/** Assembles the application: external plugins, then the core (auth, audit, units, users), then static files. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
  });
  app.decorate('ctx', ctx);
  // Every route with its declared access, so a test can prove that each one is guarded.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const responses = Object.keys((route.schema?.response as Record<string, unknown> | undefined) ?? {});
    for (const method of methods) if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access, responses });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, BODY_LIMIT);
  registerTextGuard(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The IOC map's basemap tiles, when an XYZ template on another server is configured.
        imgSrc: ["'self'", 'data:', 'blob:', ...(ctx.config.basemap?.kind === 'xyz' ? [ctx.config.basemap.origin] : [])],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tỉnh Số API', version: process.env.npm_package_version ?? '0.1.0', description: 'Errors: {"error": {"code", "message", "messages": {"vi","en"}, "field"}}' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tinhso_sid' },
          token: { type: 'http', scheme: 'bearer', description: 'API token (tsk_…) with the scope the route accepts' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Answers (JSON, the web app's files) go brotli- or gzip-compressed to a client that accepts it; a built asset has its
  // compressed copies made once by the build (served as they are). Request bodies are not decompressed: a compressed
  // body would escape the body limit before it is read.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  // Not registered as plugins: their hooks must cover every route, and Fastify would encapsulate them.
  await authenticationPlugin(app);
  await systemRoutes(app, { ready: options.ready ?? (() => true) });
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(orgUnitRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(jobRoutes);
  await app.register(dataRoutes);
  await app.register(scorecardRoutes);
  await app.register(calendarRoutes);
  await app.register(notificationRoutes);
  await app.register(liveRoutes);
  await app.register(alertRoutes);
  await app.register(feedbackRoutes);
  await app.register(feedbackBackOfficeRoutes);
  await app.register(reportingRoutes);
  await app.register(open311Routes);
  await app.register(iocRoutes);
  await app.register(connectorRoutes);
  await app.register(briefingRoutes);
  await app.register(agronomyRoutes);
  await app.register(traceabilityRoutes);
  await app.register(deviceRoutes);

  if (options.web !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'))) await webRoutes(app);
  return app;
}

/**
 * The built web app. A file under /assets/ has its content's hash in its name, so it is kept a year and never asked
 * again; everything else (index.html, sw.js, the manifests) is asked again on each use, so a new build is seen at once.
 */
async function webRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: WEB_DIST, serve: false, preCompressed: true });
  app.get('/*', { config: { access: { public: true } } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/')) {
      return reply.status(404).send(errorBody('route_not_found', requestLocale(request), { method: request.method, url }));
    }
    const file = path.join(WEB_DIST, path.normalize(url));
    const found = file.startsWith(WEB_DIST) && fs.existsSync(file) && fs.statSync(file).isFile();
    const hashed = found && url.startsWith('/assets/');
    reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    // Client-side routes of the single-page app are its index.html; the citizens' app has its own, naming its chunks.
    const shell = url === '/cong-dan' || url.startsWith('/cong-dan/') ? 'cong-dan.html' : 'index.html';
    return reply.sendFile(found ? path.relative(WEB_DIST, file) : shell, { cacheControl: false });
  });
}
