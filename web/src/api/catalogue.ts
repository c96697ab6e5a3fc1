import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from './client';

// The public catalogue of specialties and OCOP products (issue 16). The shapes follow
// src/modules/traceability/ocop-schema.ts (its index does not export them).
export interface Named { code: string; nameVi: string; nameEn: string }
export interface PublicProducer {
  id: number; kind: 'cooperative' | 'household' | 'enterprise'; name: string; communeCode: string; communeName: string;
  address: string; phone: string | null; website: string | null;
}
export interface CatalogueItem {
  gtin: string; nameVi: string; nameEn: string | null; category: Named;
  ocop: { stars: number; group: Named; year: number | null } | null;
  producer: PublicProducer; whereToBuy: string; imageUrl: string | null; pageUrl: string;
  lots: number; tracedLots: number; latestLotUri: string | null;
}
export interface CataloguePage { items: CatalogueItem[]; total: number; limit: number; offset: number }
export interface PublicLot {
  lot: string; productionDate: string; expiryDate: string | null; recalled: boolean; recalledAt: string | null;
  recallReason: string | null; events: number; uri: string;
}
export interface ProductPage extends CatalogueItem {
  description: string;
  certificates: { scheme: Named; number: string; issuer: string; validFrom: string; validTo: string }[];
  lotList: PublicLot[];
  events: number;
}
export interface CatalogueFilter { stars?: number; group?: string; category?: string; q?: string; offset?: number }

/** The codes the API filters by (data/reference/traceability/catalogue.json); their names are in the locales. */
export const CATEGORIES = ['rice', 'vegetable', 'fruit', 'aquatic', 'livestock', 'processed', 'beverage', 'handicraft', 'other'] as const;
export const OCOP_GROUPS = ['food', 'beverage', 'herbal', 'handicraft', 'ornamental', 'tourism'] as const;
export const PAGE_SIZE = 12;

export const FEED_CSV = '/api/public/traceability/feed.csv';
export const FEED_JSON = '/api/public/traceability/feed.json';
export const productImage = (gtin: string) => `/api/public/traceability/products/${encodeURIComponent(gtin)}/image`;

const search = (f: CatalogueFilter) => {
  const p = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(f.offset ?? 0) });
  if (f.stars) p.set('stars', String(f.stars));
  if (f.group) p.set('group', f.group);
  if (f.category) p.set('category', f.category);
  if (f.q) p.set('q', f.q);
  return p.toString();
};

export const catalogueQuery = (f: CatalogueFilter) => queryOptions({
  queryKey: ['public-catalogue', 'list', f] as const,
  queryFn: () => api<CataloguePage>(`/api/public/traceability/products?${search(f)}`),
  placeholderData: keepPreviousData,
});
export const productQuery = (gtin: string) => queryOptions({
  queryKey: ['public-catalogue', 'product', gtin] as const,
  queryFn: () => api<ProductPage>(`/api/public/traceability/products/${encodeURIComponent(gtin)}`),
  retry: false,
});
