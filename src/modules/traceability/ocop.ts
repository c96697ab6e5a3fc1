import { vnDate } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { canonicalIdentifier } from './epcis/canonical-id.js';
import { digitalLinkUri } from './gs1/digital-link.js';
import { lotUri } from './lots.js';
import { catalogueRows, eventsPerClass, productEventCount, publicImage, publicLots, publicProduct, validCertificates, type PublicProductRow } from './ocop-repo.js';
import type { CatalogueItem, CatalogueQuery } from './ocop-schema.js';
import { catalogue } from './reference.js';

// The province's specialties and OCOP products as anyone may read them: products of verified producers only, with
// nothing of the department's staff (who verified, who registered).

type Named = { code: string; nameVi: string; nameEn: string };
const named = (list: Named[], code: string): Named => list.find((x) => x.code === code) ?? { code, nameVi: code, nameEn: code };
export const categoryOf = (code: string) => named(catalogue().categories, code);
export const ocopGroupOf = (code: string) => named(catalogue().ocopGroups, code);

/** The product's page: its GS1 Digital Link under the platform's resolver. */
export const productPageUrl = (publicUrl: string, gtin: string) => digitalLinkUri(publicUrl, { ai: '01', value: gtin });
export const productImageUrl = (publicUrl: string, r: Pick<PublicProductRow, 'gtin' | 'has_image'>) =>
  (r.has_image ? `${publicUrl.replace(/\/$/, '')}/api/public/traceability/products/${r.gtin}/image` : null);
export const latestLotUri = (publicUrl: string, r: Pick<PublicProductRow, 'gtin' | 'latest_lot'>) => (r.latest_lot ? lotUri(publicUrl, r.gtin, r.latest_lot) : null);

export function catalogueItem(publicUrl: string, r: PublicProductRow): CatalogueItem {
  return {
    gtin: r.gtin, nameVi: r.name_vi, nameEn: r.name_en, category: categoryOf(r.category),
    ocop: r.ocop_stars !== null && r.ocop_group !== null ? { stars: r.ocop_stars, group: ocopGroupOf(r.ocop_group), year: r.ocop_year } : null,
    producer: {
      id: Number(r.producer_id), kind: r.producer_kind, name: r.producer_name, communeCode: r.unit_code, communeName: r.unit_name, address: r.address,
      phone: r.phone, website: r.website,
    },
    whereToBuy: r.where_to_buy, imageUrl: productImageUrl(publicUrl, r), pageUrl: productPageUrl(publicUrl, r.gtin),
    lots: Number(r.lots ?? 0), tracedLots: Number(r.traced_lots ?? 0), latestLotUri: latestLotUri(publicUrl, r),
  };
}

export async function listCatalogue(db: Db, publicUrl: string, query: CatalogueQuery) {
  const { rows, total } = await catalogueRows(db, query);
  return { items: rows.map((r) => catalogueItem(publicUrl, r)), total, limit: query.limit, offset: query.offset };
}

/** A product page's data, generated from the traceability records: certificates valid today, lots and their events. */
export async function productPage(db: Db, publicUrl: string, gtin: string, now: Date) {
  const row = await publicProduct(db, gtin);
  if (!row) throw notFound('gtin');
  const producerId = Number(row.producer_id);
  const [certificates, lots, events] = await Promise.all([
    validCertificates(db, producerId, Number(row.id), vnDate(now)), publicLots(db, Number(row.id)), productEventCount(db, producerId, row.gtin),
  ]);
  const classOf = (lot: string) => canonicalIdentifier(lotUri('https://id.gs1.org', row.gtin, lot)) ?? lotUri('https://id.gs1.org', row.gtin, lot);
  const perLot = await eventsPerClass(db, producerId, lots.map((l) => classOf(l.lot)));
  return {
    ...catalogueItem(publicUrl, row), description: row.description,
    certificates: certificates.map((c) => ({ scheme: named(catalogue().certificationSchemes, c.scheme), number: c.number, issuer: c.issuer, validFrom: c.valid_from, validTo: c.valid_to })),
    lotList: lots.map((l) => ({
      lot: l.lot, productionDate: l.production_date, expiryDate: l.expiry_date, recalled: l.recalled_at !== null, recalledAt: l.recalled_at,
      recallReason: l.recall_reason, events: perLot.get(classOf(l.lot)) ?? 0, uri: lotUri(publicUrl, row.gtin, l.lot),
    })),
    events,
  };
}

export async function publicProductImage(db: Db, gtin: string) {
  const row = await publicImage(db, gtin);
  if (!row?.image || !row.image_type) throw notFound('image');
  return { type: row.image_type, body: row.image };
}
