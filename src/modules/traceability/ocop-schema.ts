import { z } from 'zod';
import { ZGtin } from './schema.js';

// The public catalogue of specialties and OCOP products, the product pages and the marketplace feed.

const ZNamed = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });
const ZCode = z.string().trim().max(40).regex(/^[a-z0-9_]+$/, { message: 'identifier_chars' });

export const ZCatalogueQuery = z.object({
  stars: z.coerce.number().int().min(1).max(5).optional(),
  group: ZCode.optional(),
  category: ZCode.optional(),
  /** The commune's official code (e.g. 31783, Phường Vĩnh Châu). */
  commune: z.string().trim().regex(/^\d{2,10}$/, { message: 'identifier_chars' }).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type CatalogueQuery = z.infer<typeof ZCatalogueQuery>;

export const ZPublicProducer = z.object({
  id: z.number(), kind: z.enum(['cooperative', 'household', 'enterprise']), name: z.string(), communeCode: z.string(), communeName: z.string(),
  address: z.string(), phone: z.string().nullable(), website: z.string().nullable(),
});

export const ZCatalogueItem = z.object({
  gtin: z.string(), nameVi: z.string(), nameEn: z.string().nullable(), category: ZNamed,
  ocop: z.object({ stars: z.number(), group: ZNamed, year: z.number().nullable() }).nullable(),
  producer: ZPublicProducer, whereToBuy: z.string(), imageUrl: z.string().nullable(), pageUrl: z.string(),
  /** Lots recorded, and those of them an event names. */
  lots: z.number(), tracedLots: z.number(), latestLotUri: z.string().nullable(),
});
export type CatalogueItem = z.infer<typeof ZCatalogueItem>;
export const ZCataloguePage = z.object({ items: z.array(ZCatalogueItem), total: z.number(), limit: z.number(), offset: z.number() });

export const ZGtinParam = z.object({ gtin: ZGtin });

export const ZProductPage = ZCatalogueItem.extend({
  description: z.string(),
  certificates: z.array(z.object({ scheme: ZNamed, number: z.string(), issuer: z.string(), validFrom: z.string(), validTo: z.string() })),
  lotList: z.array(z.object({
    lot: z.string(), productionDate: z.string(), expiryDate: z.string().nullable(), recalled: z.boolean(), recalledAt: z.date().nullable(),
    recallReason: z.string().nullable(), events: z.number(), uri: z.string(),
  })),
  events: z.number(),
});

/** One row of the marketplace feed: docs/product-feed.md names each column. */
export const ZFeedRow = z.object({
  gtin: z.string(), nameVi: z.string(), nameEn: z.string().nullable(), category: z.string(), categoryVi: z.string(), categoryEn: z.string(),
  ocopStars: z.number().nullable(), ocopGroup: z.string().nullable(), ocopGroupVi: z.string().nullable(), ocopGroupEn: z.string().nullable(), ocopYear: z.number().nullable(),
  producerName: z.string(), producerTaxCode: z.string().nullable(), producerAddress: z.string(), communeCode: z.string(), communeName: z.string(),
  whereToBuy: z.string(), imageUrl: z.string().nullable(), productPageUrl: z.string(), latestLotUri: z.string().nullable(), updatedAt: z.string(),
});
export type FeedRow = z.infer<typeof ZFeedRow>;
export const ZFeed = z.object({ generatedAt: z.string(), publisher: z.string(), count: z.number(), items: z.array(ZFeedRow) });
