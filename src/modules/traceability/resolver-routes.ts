import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vnDate } from '../../core/calendar/index.js';
import { sendJsonText } from '../../server/replies.js';
import { consumerPage, resolveLink } from './consumer.js';
import { consumerHtml } from './consumer-html.js';
import { journeyMap } from './consumer-map.js';
import { ZConsumerPage, ZHtml, ZItemQuery, ZLinkset, ZRedirect, ZResolverQuery, ZScanInput, ZScanRecorded, ZScript } from './consumer-schema.js';
import { CONSUMER_SCRIPT } from './consumer-script.js';
import { word, type Lang } from './consumer-words.js';
import { TRACE_POLICY } from './policy.js';
import { linkFor, linksOf, linkset, linkTypeOf } from './resolver-links.js';
import { recordScan, shareLocation } from './scans.js';

// The GS1 Digital Link resolver at the web root (/01/{gtin}[/22/…][/10/{lot}][/21/{serial}]) and the public side of
// the consumer page: its data as JSON, the place a consumer shares and its script (the product's image is the catalogue's, ocop-routes.ts).

// The forms a label carries, then any other path under /01/ by its number of segments (a CPV qualifier, a code out of
// order or malformed): each is parsed as a Digital Link, so that a malformed one answers 400, not 404.
const PATHS = ['/01/:gtin', '/01/:gtin/10/:lot', '/01/:gtin/21/:serial', '/01/:gtin/10/:lot/21/:serial',
  ...[1, 2, 3, 4, 5, 6].map((n) => `/01/:gtin/${Array.from({ length: n }, (_, i) => `:s${i + 1}`).join('/')}`)];
const segment = z.string().max(100);
const paramsOf = (path: string) => z.object(Object.fromEntries([...path.matchAll(/:(\w+)/g)].map((m) => [m[1]!, segment])));

const PAGE_LIMIT = { max: 120, timeWindow: '1 minute' };
const SCAN_LIMIT = { max: 20, timeWindow: '1 minute' };
const DESCRIPTION = 'A GS1 Digital Link. By default the consumer page (text/html); with Accept: application/linkset+json or ?linkType=linkset the RFC 9264 '
  + 'linkset (GS1 link types: pip, traceability, certificationInfo, epcis, defaultLink); with ?linkType=gs1:… a 307 to that link (404 link_type_missing '
  + 'when the product has none). 404 not_registered for a code no verified producer registered, 400 digital_link_invalid for a malformed code.';

const wantsLinkset = (request: FastifyRequest) => /application\/linkset\+json/i.test(String(request.headers.accept ?? ''));
const langOf = (query: Record<string, unknown>): Lang => (query.lang === 'en' ? 'en' : 'vi');

export async function resolverRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now, config } = app.ctx;
  const tags = ['traceability'];
  const access = TRACE_POLICY.public;
  const baseOf = (request: FastifyRequest) => config.publicUrl || `${request.protocol}://${request.host}`;
  const log = (request: FastifyRequest) => (message: string) => request.log.warn(message);

  async function resolve(request: FastifyRequest<{ Querystring: z.infer<typeof ZResolverQuery> }>, reply: FastifyReply) {
    const at = now();
    const r = await resolveLink(db, request.url, at);
    const base = baseOf(request);
    const asked = request.query.linkType;
    const type = asked ? linkTypeOf(asked) : wantsLinkset(request) ? 'linkset' : null;
    const lang = langOf(request.query);
    // A HEAD (a link checker, a GS1 resolver probing) is no consumer's scan.
    const scan = request.method === 'HEAD' ? Promise.resolve(0) : recordScan(db, r, at, log(request));
    reply.header('vary', 'Accept').header('access-control-allow-origin', '*').header('cache-control', 'no-store');
    if (type) {
      const [links] = await Promise.all([linksOf(db, r, base), scan]);
      if (type === 'linkset') return sendJsonText(reply, JSON.stringify(linkset(r, base, links)), 'application/linkset+json');
      return reply.redirect(linkFor(r, links, type, asked ?? type, lang), 307);
    }
    // The scan is written while the page is read (two connections on a server database).
    const [scanId, page] = await Promise.all([scan, consumerPage(db, r, at, base, 0)]);
    page.scanId = scanId;
    const points = [...page.origin.places, ...page.journey.flatMap((s) => (s.place ? [s.place] : []))];
    const map = await journeyMap(db, vnDate(at), points, word(lang, 'map'));
    return reply.type('text/html; charset=utf-8').send(consumerHtml(page, lang, map));
  }

  for (const path of PATHS) {
    app.get(path, {
      config: { access, rateLimit: PAGE_LIMIT },
      schema: { tags, params: paramsOf(path), querystring: ZResolverQuery, description: DESCRIPTION, response: { 200: ZHtml.or(ZLinkset), 307: ZRedirect } },
    }, resolve);
  }

  app.get('/api/public/traceability/items', {
    config: { access, rateLimit: PAGE_LIMIT },
    schema: { tags, querystring: ZItemQuery, response: { 200: ZConsumerPage }, description: 'The consumer page\'s data of a Digital Link (its whole URI or its path): what the page shows, as JSON.' },
  }, async (request) => {
    const at = now();
    const r = await resolveLink(db, request.query.uri, at);
    return consumerPage(db, r, at, baseOf(request), await recordScan(db, r, at, log(request)));
  });

  app.post('/api/public/traceability/scans', {
    config: { access, rateLimit: SCAN_LIMIT },
    schema: { tags, body: ZScanInput, response: { 201: ZScanRecorded }, description: 'The place a consumer chose to share, added to the scan the page recorded (or a scan of its own).' },
  }, async (request, reply) => reply.status(201).send(await shareLocation(db, request.body, now(), log(request))));

  app.get('/api/public/traceability/page.js', { config: { access }, schema: { tags, response: { 200: ZScript } } }, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CONSUMER_SCRIPT));
}
