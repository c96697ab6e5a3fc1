import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { formatMessage } from '../../server/error-codes/index.js';
import { logClientError } from '../../server/client-log.js';
import { AppError } from '../../server/errors.js';
import { readMultipart } from '../../server/multipart.js';
import { Open311Error, send, sendError, splitFormat, type Format } from './format.js';
import { OPEN311_POLICY, singleValues } from './policy.js';
import { answers, ZCreated, ZDiscovery, ZFileParams, ZListing, ZRequest, ZRequestToken, ZServiceDefinition } from './schema.js';
import { createRequest, listRequests, listServices, listUpdates, requestToken, serviceDefinition } from './service.js';

const BASE = '/open311/v2';
const CHANGESET = '2026-11-25T00:00:00+07:00';
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const formatOf = (request: FastifyRequest): Format => ((request.url.split('?')[0] ?? '').endsWith('.json') ? 'json' : 'xml');
const requests = { root: 'service_requests', item: 'request' };

/**
 * Open311 GeoReport v2 under /open311/v2/: discovery, services, service definitions, requests (GET with its filters
 * and the page/page_size extension; POST with an api_key, an API token of scope open311), one request, tokens, and
 * FixMyStreet's servicerequestupdates — in XML and JSON, with Open311's own error format.
 */
export async function open311Routes(appBase: FastifyInstance): Promise<void> {
  await appBase.register(formbody);
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['open311'];
  const config = { access: OPEN311_POLICY.read };

  app.setErrorHandler((err, request, reply) => {
    const format = formatOf(request);
    if (err instanceof Open311Error) return sendError(reply, format, err.status, err.description);
    if (err instanceof AppError) {
      const status = err.status === 404 ? 404 : err.status === 403 ? 403 : 400;
      return sendError(reply, format, status, `${err.field ? `${err.field}: ` : ''}${formatMessage(err.code, 'en', err.params)}`);
    }
    if (hasZodFastifySchemaValidationErrors(err)) return sendError(reply, format, 400, err.message);
    const status = (err as FastifyError).statusCode ?? 500;
    if (status === 429) {
      // Past the rate limit: Open311's own error list, with the Retry-After the limiter set; no stack in the log.
      logClientError(request.log, { ip: request.ip }, 'open311 rate limit');
      return sendError(reply, format, 429, `Too many requests: try again in ${String(reply.getHeader('retry-after') ?? 60)} seconds`);
    }
    if (status >= 400 && status < 500) {
      logClientError(request.log, { code: (err as FastifyError).code, status }, 'open311 client error');
      return sendError(reply, format, status, (err as FastifyError).message);
    }
    request.log.error({ err }, 'open311 error');
    return sendError(reply, format, 500, 'General service error');
  });

  app.get(`${BASE}/discovery.json`, { config, schema: { tags, response: answers(ZDiscovery) } }, async (request, reply) => send(reply, 'json', {
    changeset: CHANGESET, contact: 'Tỉnh Số — phản ánh kiến nghị', key_service: 'API tokens of scope open311 from the province administrator',
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${originOf(request)}${BASE}`, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
  }, { root: 'discovery' }));

  app.get(`${BASE}/:file`, { config, schema: { tags, params: ZFileParams, response: answers(ZListing), description: 'services, requests or servicerequestupdates' } }, async (request, reply) => {
    const { name, format } = splitFormat(request.params.file);
    const query = singleValues(request.query);
    if (name === 'services') return send(reply, format, await listServices(db), { root: 'services', item: 'service' });
    if (name === 'requests') return send(reply, format, await listRequests({ db, query, origin: originOf(request), now: now() }), requests);
    if (name === 'servicerequestupdates') return send(reply, format, await listUpdates({ db, query, now: now() }), { root: 'service_request_updates', item: 'request_update' });
    throw new Open311Error(404, `no resource ${name}`);
  });

  app.get(`${BASE}/services/:file`, { config, schema: { tags, params: ZFileParams, response: answers(ZServiceDefinition) } }, async (request, reply) => {
    const { name, format } = splitFormat(request.params.file);
    return send(reply, format, await serviceDefinition({ db, code: name, now: now() }), { root: 'service_definition' });
  });

  app.get(`${BASE}/requests/:file`, { config, schema: { tags, params: ZFileParams, response: answers(ZRequest.array()) } }, async (request, reply) => {
    const { name, format } = splitFormat(request.params.file);
    const found = await listRequests({ db, query: { service_request_id: name, extensions: singleValues(request.query).extensions ?? '' }, origin: originOf(request), now: now() });
    if (!found.length) throw new Open311Error(404, `service_request_id ${name} not found`);
    return send(reply, format, found, requests);
  });

  app.get(`${BASE}/tokens/:file`, { config, schema: { tags, params: ZFileParams, response: answers(ZRequestToken.array()) } }, async (request, reply) => {
    const { name, format } = splitFormat(request.params.file);
    return send(reply, format, await requestToken({ db, name }), requests);
  });

  app.post(`${BASE}/:file`, {
    config: { access: OPEN311_POLICY.post, rateLimit: { max: app.ctx.config.open311RatePerMinute, timeWindow: '1 minute' } },
    bodyLimit: 64 * 1024,
    schema: { tags, params: ZFileParams, response: answers(ZCreated, 201), description: 'A request: form fields (or multipart/form-data with a photo in `media`), with api_key.' },
  }, async (request, reply) => {
    const { name, format } = splitFormat(request.params.file);
    if (name !== 'requests') throw new Open311Error(404, `no resource ${name}`);
    // FixMyStreet and other clients send a photo as multipart/form-data in the field `media`.
    const form = request.isMultipart() ? await readMultipart(request, ['media']) : null;
    const body = (form?.fields ?? request.body ?? {}) as Record<string, string>;
    return send(reply, format, await createRequest({ db, body, files: form?.files ?? null, now: now(), request }), requests, 201);
  });
}
