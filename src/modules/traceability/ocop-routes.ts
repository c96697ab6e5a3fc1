import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZFileReply } from '../../core/validation/index.js';
import { sendDownload } from '../../server/replies.js';
import { feedCsv, feedJson } from './feed-export.js';
import { listCatalogue, productPage, publicProductImage } from './ocop.js';
import { ZCatalogueQuery, ZCataloguePage, ZFeed, ZGtinParam, ZProductPage } from './ocop-schema.js';
import { TRACE_POLICY } from './policy.js';

// What anyone reads without an account: the catalogue of specialties and OCOP products, a product's page, its photo,
// and the feed marketplaces pull (docs/product-feed.md). Verified producers only.

export async function ocopRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now, config: { publicUrl } } = app.ctx;
  const tags = ['traceability', 'public'];
  const config = { access: TRACE_POLICY.public, rateLimit: { max: 120, timeWindow: '1 minute' } };
  const feed = { access: TRACE_POLICY.public, rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.get('/api/public/traceability/products', { config, schema: { tags, querystring: ZCatalogueQuery, response: { 200: ZCataloguePage } } },
    async (request, reply) => reply.header('cache-control', 'public, max-age=300').send(await listCatalogue(db, publicUrl, request.query)));
  app.get('/api/public/traceability/products/:gtin', { config, schema: { tags, params: ZGtinParam, response: { 200: ZProductPage } } },
    async (request, reply) => reply.header('cache-control', 'public, max-age=300').send(await productPage(db, publicUrl, request.params.gtin, now())));
  app.get('/api/public/traceability/products/:gtin/image', { config, schema: { tags, params: ZGtinParam, response: { 200: ZFileReply } } }, async (request, reply) => {
    const file = await publicProductImage(db, request.params.gtin);
    return reply.type(file.type).header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=3600').send(file.body);
  });
  app.get('/api/public/traceability/feed.json', { config: feed, schema: { tags, response: { 200: ZFeed }, description: 'The product feed for marketplaces (docs/product-feed.md).' } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=900').send(await feedJson(db, publicUrl, now())));
  app.get('/api/public/traceability/feed.csv', { config: feed, schema: { tags, response: { 200: ZFileReply }, description: 'The product feed as CSV, UTF-8 with a byte-order mark (docs/product-feed.md).' } },
    async (_request, reply) => sendDownload(reply.header('cache-control', 'public, max-age=900'), await feedCsv(db, publicUrl, now())));
}
