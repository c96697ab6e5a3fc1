import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, requestLocale } from '../../server/errors.js';
import { EpcisXmlError, xmlToJsonLd } from './epcis/xml.js';
import { captureDocument, captureView } from './capture.js';
import { ZCaptureJob, ZCaptureParam, ZCaptureQuery, ZEpcisDocument, ZEvent, ZEventParam, ZEventQuery, ZQueryDocument, ZResourceList, ZResourceParam } from './epcis-schema.js';
import { eventById, resourceValues, RESOURCES, type Resource } from './event-views.js';
import { TRACE_POLICY } from './policy.js';
import { parseEventQuery, queryDocument, queryEvents, type EventQuery } from './query.js';

// EPCIS 2.0 REST bindings under /api/traceability/epcis: capture, the events query, one event, and the resources
// to browse (event types, EPCs, business steps, locations, read points, dispositions). Errors are problem+json,
// as the standard asks, carrying the platform's error body too.

const EXCEPTIONS: Record<number, string> = {
  400: 'ValidationException', 401: 'SecurityException', 403: 'SecurityException', 404: 'NoSuchResourceException',
  406: 'NotAcceptableException', 409: 'ValidationException', 413: 'CaptureLimitExceededException', 415: 'UnsupportedMediaTypeException', 429: 'TooManyRequestsException',
};

/** The platform's error body as RFC 7807 problem+json, with the EPCIS exception type. */
function problemJson(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode < 400 || typeof payload !== 'string' || !payload.startsWith('{"error"')) return payload;
  const { error } = JSON.parse(payload) as { error: { code: string; message: string; details?: unknown[] } };
  const query = error.code === 'epcis_query_invalid' || (error.code === 'validation_failed' && request.method === 'GET');
  const type = query ? 'QueryParameterException' : (EXCEPTIONS[reply.statusCode] ?? 'ImplementationException');
  reply.header('content-type', 'application/problem+json; charset=utf-8');
  return JSON.stringify({ type: `epcisException:${type}`, title: error.message, status: reply.statusCode, detail: error.message, instance: request.url.split('?')[0], error });
}

export async function epcisRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['epcis'];
  const read = { access: TRACE_POLICY.read };
  app.addContentTypeParser('application/ld+json', { parseAs: 'string', bodyLimit: 8 * 1024 * 1024 }, app.getDefaultJsonParser('error', 'ignore'));
  // The XML binding, read as the JSON-LD document it stands for.
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: 8 * 1024 * 1024 }, (_request, body, done) => {
    try {
      done(null, xmlToJsonLd(String(body)));
    } catch (err) {
      done(err instanceof EpcisXmlError ? new AppError('epcis_xml_invalid', { detail: err.message.slice(0, 200) }) : (err as Error), undefined);
    }
  });
  app.addHook('onSend', async (request, reply, payload) => problemJson(request, reply, payload));

  const page = async (request: FastifyRequest, reply: FastifyReply, query: EventQuery) => {
    const result = await queryEvents(db, request.user!, query);
    if (result.nextPageToken) {
      const next = new URLSearchParams(request.query as Record<string, string>);
      next.set('nextPageToken', result.nextPageToken);
      reply.header('link', `<${request.url.split('?')[0]}?${next.toString()}>; rel="next"`);
    }
    return queryDocument(result.events, result.prefixes, now());
  };

  app.post('/api/traceability/epcis/capture', {
    config: { access: TRACE_POLICY.write }, bodyLimit: 8 * 1024 * 1024,
    schema: { tags, querystring: ZCaptureQuery, body: ZEpcisDocument, response: { 202: ZCaptureJob }, description: `An EPCIS 2.0 document, JSON-LD (application/ld+json or application/json) or XML (application/xml), at most 1000 events: checked whole, then stored whole in the producer's chain or refused with every problem. A producer's account records its own events; staff name the producer (producerId).` },
  }, async (request, reply) => {
    const job = await captureDocument({ db, actor: request.user!, producerId: request.query.producerId, document: request.body, now: now(), locale: requestLocale(request), request });
    return reply.status(202).header('location', `/api/traceability/epcis/capture/${job.captureID}`).send(job);
  });
  app.get('/api/traceability/epcis/capture/:captureID', { config: read, schema: { tags, params: ZCaptureParam, response: { 200: ZCaptureJob } } },
    async (request) => captureView(db, request.user!, request.params.captureID, requestLocale(request)));

  app.get('/api/traceability/epcis/events', { config: read, schema: { tags, querystring: ZEventQuery, response: { 200: ZQueryDocument } } },
    async (request, reply) => page(request, reply, parseEventQuery(request.query)));
  app.get('/api/traceability/epcis/events/:eventID', { config: read, schema: { tags, params: ZEventParam, response: { 200: ZEvent } } },
    async (request) => eventById(db, request.user!, request.params.eventID));

  for (const resource of Object.keys(RESOURCES) as Resource[]) {
    app.get(`/api/traceability/epcis/${resource}`, { config: read, schema: { tags, response: { 200: ZResourceList } } },
      async (request) => resourceValues(db, request.user!, resource));
    app.get(`/api/traceability/epcis/${resource}/:id/events`, { config: read, schema: { tags, params: ZResourceParam, querystring: ZEventQuery, response: { 200: ZQueryDocument } } },
      async (request, reply) => page(request, reply, { ...parseEventQuery(request.query), [RESOURCES[resource]]: [request.params.id] }));
  }
}
