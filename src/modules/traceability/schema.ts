import { z } from 'zod';
import { isoDate, nameText } from '../../core/validation/index.js';
import { glnFault, gtin14, gtinFault } from './gs1/keys.js';
import { catalogue } from './reference.js';

// Requests and responses of the traceability routes (master data here; EPCIS in epcis-schema.ts).

const codeOf = (list: () => { code: string }[], message: string) => z.string().refine((c) => list().some((x) => x.code === c), { message });

/** A GTIN-8, -12, -13 or -14 with its check digit, answered as GTIN-14. */
export const ZGtin = z.string().trim().regex(/^\d{8}$|^\d{12,14}$/, { message: 'gtin_length' })
  .refine((g) => gtinFault(g) === null, { message: 'gtin_check_digit' }).transform(gtin14);
const ZGln = z.string().trim().regex(/^\d{13}$/, { message: 'gln_length' }).refine((g) => glnFault(g) === null, { message: 'gln_check_digit' });
/** Vietnam's tax code: 10 digits, or 13 with a branch ("0301234567-001"). */
const ZTaxCode = z.string().trim().regex(/^\d{10}(-\d{3})?$/, { message: 'tax_code_format' });
/** A lot or serial: up to 20 characters of GS1's AI encodable set 82 (what a Digital Link carries). */
export const ZGs1Text = z.string().trim().min(1).max(20).regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/, { message: 'gs1_chars' });
const text = (max: number) => z.string().trim().max(max);
const ZUrl = z.string().trim().max(300).url();
const ZPhone = z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/, { message: 'phone_format' });

export const ZIdParam = z.object({ id: z.coerce.number().int().positive() });

export const ZProducerInput = z.object({
  kind: z.enum(['cooperative', 'household', 'enterprise']),
  name: nameText(200),
  taxCode: ZTaxCode.nullable().optional(),
  gln: ZGln.nullable().optional(),
  address: text(300).min(1),
  unitId: z.number().int().positive(),
  phone: ZPhone.nullable().optional(),
  website: ZUrl.nullable().optional(),
  description: text(2000).optional(),
}).strict();
export const ZProducerUpdate = ZProducerInput.partial().strict();
export type ProducerInput = z.infer<typeof ZProducerInput>;
export type ProducerUpdate = z.infer<typeof ZProducerUpdate>;

export const ZProducerView = z.object({
  id: z.number(), kind: z.enum(['cooperative', 'household', 'enterprise']), name: z.string(), taxCode: z.string().nullable(), gln: z.string().nullable(),
  address: z.string(), unitId: z.number(), unitName: z.string(), phone: z.string().nullable(), website: z.string().nullable(), description: z.string(),
  status: z.enum(['pending', 'verified', 'suspended']), verifiedBy: z.string().nullable(), verifiedAt: z.date().nullable(),
  events: z.number(), createdAt: z.date(),
});
export type ProducerView = z.infer<typeof ZProducerView>;
export const ZProducerQuery = z.object({
  q: z.string().max(100).optional(), status: z.enum(['pending', 'verified', 'suspended']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0),
});
export const ZProducerPage = z.object({ items: z.array(ZProducerView), total: z.number() });
export const ZVerifyInput = z.object({ status: z.enum(['verified', 'suspended']), note: text(500).optional() }).strict();

export const ZAccountInput = z.object({
  username: z.string().trim().min(3).max(50).regex(/^[a-z0-9._-]+$/i, 'identifier_chars'),
  displayName: nameText(120),
  email: z.string().trim().email().max(200).nullable().optional(),
  locale: z.enum(['vi', 'en']).optional(),
  password: z.string().min(1).max(200),
}).strict();
export const ZAccountView = z.object({ userId: z.number(), username: z.string(), displayName: z.string(), producerId: z.number() });

export const ZPlaceInput = z.object({
  kind: z.enum(['area', 'facility']),
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/, { message: 'identifier_chars' }),
  name: nameText(200),
  /** The identifier events name as bizLocation (an SGLN URN); the platform's own when absent. */
  location: z.string().trim().max(200).regex(/^[a-z][a-z0-9+.-]*:\S+$/i, { message: 'uri_format' }).optional(),
  unitId: z.number().int().positive(),
  areaHa: z.number().positive().max(1e6).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
}).strict().refine((p) => ((p.lat ?? null) === null) === ((p.lon ?? null) === null), { message: 'lat_lon_together', path: ['lat'] });
export const ZPlaceView = z.object({
  id: z.number(), producerId: z.number(), kind: z.enum(['area', 'facility']), code: z.string(), name: z.string(), location: z.string(),
  unitId: z.number(), unitName: z.string(), areaHa: z.number().nullable(), lat: z.number().nullable(), lon: z.number().nullable(),
});

const productFields = {
  gtin: ZGtin,
  nameVi: nameText(200),
  nameEn: nameText(200).nullable().optional(),
  category: codeOf(() => catalogue().categories, 'category_unknown'),
  description: text(4000).optional(),
  ocopStars: z.number().int().min(1).max(5).nullable().optional(),
  ocopGroup: codeOf(() => catalogue().ocopGroups, 'ocop_group_unknown').nullable().optional(),
  ocopYear: z.number().int().min(2018).max(2100).nullable().optional(),
  whereToBuy: text(1000).optional(),
};
const ocopTogether = (p: { ocopStars?: number | null; ocopGroup?: string | null }) => ((p.ocopStars ?? null) === null) === ((p.ocopGroup ?? null) === null);
export const ZProductInput = z.object(productFields).strict().refine(ocopTogether, { message: 'ocop_stars_group', path: ['ocopGroup'] });
export const ZProductUpdate = z.object(productFields).partial().omit({ gtin: true }).strict();
export type ProductInput = z.infer<typeof ZProductInput>;
export const ZProductView = z.object({
  id: z.number(), producerId: z.number(), producerName: z.string(), gtin: z.string(), nameVi: z.string(), nameEn: z.string().nullable(), category: z.string(),
  description: z.string(), ocopStars: z.number().nullable(), ocopGroup: z.string().nullable(), ocopYear: z.number().nullable(), whereToBuy: z.string(),
  hasImage: z.boolean(), lots: z.number(),
});

export const ZLotInput = z.object({
  lot: ZGs1Text,
  productionDate: isoDate(),
  expiryDate: isoDate().nullable().optional(),
  quantity: z.number().positive().max(1e9).nullable().optional(),
  uom: z.string().trim().max(10).nullable().optional(),
  placeId: z.number().int().positive().nullable().optional(),
}).strict().refine((l) => !l.expiryDate || l.expiryDate >= l.productionDate, { message: 'expiry_after_production', path: ['expiryDate'] });
export type LotInput = z.infer<typeof ZLotInput>;
export const ZLotView = z.object({
  id: z.number(), productId: z.number(), gtin: z.string(), lot: z.string(), productionDate: z.string(), expiryDate: z.string().nullable(),
  quantity: z.number().nullable(), uom: z.string().nullable(), placeId: z.number().nullable(), recalledAt: z.date().nullable(),
  recallReason: z.string().nullable(), serials: z.number(), uri: z.string(),
});
export const ZRecallInput = z.object({ reason: text(500).min(1) }).strict();
export const ZSerialsInput = z.object({ count: z.number().int().min(1).max(10000) }).strict();
export const ZSerialsView = z.object({ lotId: z.number(), serials: z.array(z.string()), total: z.number() });

export const ZCertificateInput = z.object({
  productId: z.number().int().positive().nullable().optional(),
  scheme: codeOf(() => catalogue().certificationSchemes, 'scheme_unknown'),
  number: text(100).min(1),
  issuer: text(200).min(1),
  validFrom: isoDate(),
  validTo: isoDate(),
}).strict().refine((c) => c.validTo >= c.validFrom, { message: 'valid_to_after_from', path: ['validTo'] });
export type CertificateInput = z.infer<typeof ZCertificateInput>;
export const ZCertificateView = z.object({
  id: z.number(), producerId: z.number(), productId: z.number().nullable(), scheme: z.string(), number: z.string(), issuer: z.string(),
  validFrom: z.string(), validTo: z.string(), evidenceName: z.string().nullable(),
});

// Lists, queries and answers of the catalogue routes.
export const ZPlaceList = z.object({ items: z.array(ZPlaceView) });
export const ZProductList = z.object({ items: z.array(ZProductView) });
export const ZCertificateList = z.object({ items: z.array(ZCertificateView) });
export const ZLotList = z.object({ items: z.array(ZLotView) });
export const ZSerialsQuery = z.object({ limit: z.coerce.number().int().min(1).max(10000).default(1000), offset: z.coerce.number().int().min(0).default(0) });
/** Labels of one PDF: at most 60 A4 pages of 18. */
export const ZLabelsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1080).default(1080), offset: z.coerce.number().int().min(0).default(0) });
export const ZImportResult = z.object({ products: z.object({ created: z.number(), updated: z.number() }), lots: z.object({ created: z.number() }) });
export type PlaceInput = z.infer<typeof ZPlaceInput>;
export type ProductUpdate = z.infer<typeof ZProductUpdate>;
export type PlaceView = z.infer<typeof ZPlaceView>;
export type ProductView = z.infer<typeof ZProductView>;
export type LotView = z.infer<typeof ZLotView>;
export type CertificateView = z.infer<typeof ZCertificateView>;
export type AccountInput = z.input<typeof ZAccountInput>;
export type AccountView = z.infer<typeof ZAccountView>;
export type ImportResult = z.infer<typeof ZImportResult>;
