import { z } from 'zod';

// Requests and answers of the public side: the resolver, the consumer page's data, the scans and the linkset.

const ZNamed = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });
const ZBoth = z.object({ vi: z.string(), en: z.string() });

/** A Digital Link as the consumer's phone read it: the whole URI or its path ("/01/…/10/…"). */
const ZLinkText = z.string().trim().min(4).max(300);
export const ZItemQuery = z.object({ uri: ZLinkText });
export const ZResolverQuery = z.object({
  linkType: z.string().max(80).optional(),
  lang: z.enum(['vi', 'en']).optional(),
}).catchall(z.string().max(100));

export const ZScanInput = z.object({
  uri: ZLinkText,
  /** The scan the page recorded when it opened, to which the shared place is added. */
  scanId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
}).strict();
export type ScanInput = z.infer<typeof ZScanInput>;
export const ZScanRecorded = z.object({ recorded: z.boolean(), scanId: z.number() });

const ZPlace = z.object({
  name: z.string(), code: z.string(), kind: z.enum(['area', 'facility']), commune: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable(),
});
const ZInput = z.object({ field: z.string(), nameVi: z.string(), nameEn: z.string(), value: z.string(), valueEn: z.string() });

export const ZConsumerPage = z.object({
  /** The identifier's canonical Digital Link (https://id.gs1.org/…) and its page on this platform. */
  canonical: z.string(),
  pageUrl: z.string(),
  gtin: z.string(),
  serial: z.string().nullable(),
  product: z.object({
    nameVi: z.string(), nameEn: z.string().nullable(), description: z.string(), imageUrl: z.string().nullable(), category: ZNamed,
    ocop: z.object({ stars: z.number(), group: ZNamed, year: z.number().nullable() }).nullable(), whereToBuy: z.string(),
  }),
  producer: z.object({ name: z.string(), kind: z.enum(['cooperative', 'household', 'enterprise']), address: z.string(), commune: z.string(), phone: z.string().nullable(), website: z.string().nullable() }),
  origin: z.object({ places: z.array(ZPlace), communes: z.array(z.string()) }),
  lot: z.object({
    number: z.string(), productionDate: z.string(), expiryDate: z.string().nullable(), quantity: z.number().nullable(), uom: z.string().nullable(),
    recall: z.object({ at: z.date(), reason: z.string() }).nullable(),
  }).nullable(),
  certificates: z.array(z.object({
    scheme: ZNamed, number: z.string(), issuer: z.string(), validFrom: z.string(), validTo: z.string(), expired: z.boolean(), productOnly: z.boolean(),
  })),
  warnings: z.array(z.object({ kind: z.enum(['recall', 'pre_harvest_interval', 'expired']), message: ZBoth })),
  journey: z.array(z.object({
    at: z.date(), date: z.string(), step: ZNamed, farm: z.boolean(), place: ZPlace.nullable(), inputs: z.array(ZInput),
  })),
  /** Whether every link of the journey's events holds against its content and the link before it. */
  intact: z.boolean(),
  /** The scan this answer recorded (0 for a HEAD): the page's "share my location" adds the place to it. */
  scanId: z.number(),
});
export type ConsumerPage = z.infer<typeof ZConsumerPage>;

const ZLink = z.object({ href: z.string(), title: z.string().optional(), type: z.string().optional(), hreflang: z.array(z.string()).optional() });
/** RFC 9264 linkset of a GS1 conformant resolver: link relation types as full GS1 Web Vocabulary URIs. */
export const ZLinkset = z.object({
  linkset: z.array(z.object({ anchor: z.string(), itemDescription: z.string().optional() }).catchall(z.union([z.array(ZLink), z.string()]))),
}).describe('RFC 9264 linkset (application/linkset+json): the links of the identifier, keyed by GS1 link type URI');

export const ZHtml = z.string().describe('The consumer page: one server-rendered HTML document (text/html), Vietnamese unless ?lang=en');
export const ZScript = z.string().describe('The consumer page\'s small script (application/javascript): share my location, send feedback');
export const ZRedirect = z.undefined().describe('307 to the link of the type asked for (Location header)');
