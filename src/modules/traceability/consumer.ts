import { vnDate } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { journeyOf, intervalWarnings } from './consumer-journey.js';
import { itemOfGtin, journeyRows, lotOfGtin, placesAt, producerOfGtin } from './consumer-repo.js';
import type { ConsumerPage } from './consumer-schema.js';
import { DigitalLinkError, digitalLinkUri, parseDigitalLink, type DigitalLink } from './gs1/digital-link.js';
import { linksIntact } from './integrity.js';
import { certificateRows, lotRow, productByGtin, unitNames, type LotRow, type ProducerRow, type ProductRow } from './repo.js';
import { catalogue } from './reference.js';

// What a scanned code stands for, and the consumer page's data: only verified producers are public, a lot or item
// must be one the producer registered, and what is shown is what TT 02/2024 and NĐ 37/2026 ask a product page to show.

export const GS1_ID = 'https://id.gs1.org';

export interface Resolved {
  link: DigitalLink;
  product: ProductRow;
  producer: ProducerRow;
  lot: LotRow | null;
  serial: string | null;
}

/** A code written in GS1's human-readable form, to name it in a message: (01)…(10)…(21)…. */
const written = (link: DigitalLink) => [link.key, ...link.qualifiers].map((p) => `(${p.ai})${p.value}`).join('');

const FAULTS: Record<string, string> = {
  not_digital_link: 'not a GS1 Digital Link path', key_invalid: 'identifier', qualifier_order: 'qualifier order', qualifier_invalid: 'qualifier', attribute_invalid: 'attribute',
};

/** Parses a Digital Link, a malformed one or a wrong check digit being the caller's mistake (400). */
export function parseLink(uri: string, now: Date): DigitalLink {
  try {
    return parseDigitalLink(uri, now);
  } catch (err) {
    if (!(err instanceof DigitalLinkError)) throw err;
    const f = err.fault;
    const detail = `${FAULTS[f.code] ?? f.code}${'ai' in f ? ` (AI ${f.ai}${'fault' in f ? `: ${typeof f.fault === 'string' ? f.fault : JSON.stringify(f.fault)}` : ''})` : ''}`;
    throw new AppError('digital_link_invalid', { detail }, 'uri');
  }
}

/** The product, lot and item a Digital Link names, when a verified producer registered them; else 404 not_registered. */
export async function resolveLink(db: Db, uri: string, now: Date): Promise<Resolved> {
  const link = parseLink(uri, now);
  const missing = () => new AppError('not_registered', { code: written(link) }, 'uri');
  if (link.key.ai !== '01') throw missing();
  const gtin = link.key.value;
  const lotNumber = link.qualifiers.find((q) => q.ai === '10')?.value;
  const serial = link.qualifiers.find((q) => q.ai === '21')?.value ?? null;
  const [product, producer, lotFound, item] = await Promise.all([
    productByGtin(db, gtin), producerOfGtin(db, gtin),
    lotNumber === undefined ? null : lotOfGtin(db, gtin, lotNumber), serial === null ? null : itemOfGtin(db, gtin, serial),
  ]);
  if (!product || !producer || product.producer_status !== 'verified') throw missing();
  let lot = lotFound ?? null;
  if (lotNumber !== undefined && !lot) throw missing();
  if (serial !== null) {
    if (!item || (lot && Number(item.lot_id) !== Number(lot.id))) throw missing();
    lot ??= (await lotRow(db, Number(item.lot_id))) ?? null;
  }
  return { link, product, producer, lot, serial };
}

/** The identifier's qualifiers as the page names it: the lot, and the serial when there is one. */
export const qualifiersOf = (r: Resolved) => [...(r.lot ? [{ ai: '10', value: r.lot.lot }] : []), ...(r.serial !== null ? [{ ai: '21', value: r.serial }] : [])];
export const pageUrl = (publicUrl: string, r: Resolved) => digitalLinkUri(publicUrl || '', { ai: '01', value: r.product.gtin }, qualifiersOf(r));
export const lotClassOf = (r: Resolved) => (r.lot ? digitalLinkUri(GS1_ID, { ai: '01', value: r.product.gtin }, [{ ai: '10', value: r.lot.lot }]) : null);
export const itemEpcOf = (r: Resolved) => (r.serial !== null ? digitalLinkUri(GS1_ID, { ai: '01', value: r.product.gtin }, [{ ai: '21', value: r.serial }]) : null);

const named = (list: { code: string; nameVi: string; nameEn: string }[], code: string) => list.find((x) => x.code === code) ?? { code, nameVi: code, nameEn: code };
const day = (iso: string) => iso.split('-').reverse().join('/');

/** The consumer page's data of a resolved code; `scanId` is the scan this answer was recorded as. */
export async function consumerPage(db: Db, r: Resolved, now: Date, publicUrl: string, scanId: number): Promise<ConsumerPage> {
  const { product, producer, lot } = r;
  const cat = catalogue();
  // Two rounds of reads at once, not one after another: a phone on a market's signal waits for each.
  const [rows, certificates, producerUnit] = await Promise.all([
    lot || r.serial !== null ? journeyRows(db, Number(producer.id), lotClassOf(r), itemEpcOf(r)) : [],
    certificateRows(db, Number(producer.id)),
    unitNames(db, [Number(producer.unit_id)]),
  ]);
  const locations = [...new Set(rows.flatMap((e) => [e.biz_location, e.read_point]).filter((l): l is string => Boolean(l)))];
  const lotPlace = lot?.place_id ? [Number(lot.place_id)] : [];
  const [places, intact] = await Promise.all([placesAt(db, locations), linksIntact(db, Number(producer.id), rows.map((e) => Number(e.seq)))]);
  const originRows = [...places.filter((p) => lotPlace.includes(Number(p.id))), ...places.filter((p) => !lotPlace.includes(Number(p.id)))];
  const placeView = (p: (typeof places)[number]) => ({
    name: p.name, code: p.code, kind: p.kind, commune: p.unit_name ?? null, lat: p.lat, lon: p.lon,
  });
  const byLocation = new Map(places.map((p) => [p.location, placeView(p)]));
  const today = vnDate(now);
  const warnings: ConsumerPage['warnings'] = [];
  if (lot?.recalled_at) {
    warnings.push({ kind: 'recall', message: { vi: `Lô ${lot.lot} đã bị thu hồi: ${lot.recall_reason}. Không sử dụng sản phẩm.`, en: `Lot ${lot.lot} has been recalled: ${lot.recall_reason}. Do not use the product.` } });
  }
  if (lot?.expiry_date && lot.expiry_date < today) {
    warnings.push({ kind: 'expired', message: { vi: `Sản phẩm đã hết hạn sử dụng ngày ${day(lot.expiry_date)}.`, en: `The product expired on ${day(lot.expiry_date)}.` } });
  }
  warnings.push(...intervalWarnings(rows));
  return {
    canonical: digitalLinkUri(GS1_ID, { ai: '01', value: product.gtin }, qualifiersOf(r)),
    pageUrl: pageUrl(publicUrl, r),
    gtin: product.gtin,
    serial: r.serial,
    product: {
      nameVi: product.name_vi, nameEn: product.name_en, description: product.description,
      imageUrl: product.has_image ? `/api/public/traceability/products/${product.gtin}/image` : null,
      category: named(cat.categories, product.category),
      ocop: product.ocop_stars !== null && product.ocop_group !== null ? { stars: product.ocop_stars, group: named(cat.ocopGroups, product.ocop_group), year: product.ocop_year } : null,
      whereToBuy: product.where_to_buy,
    },
    producer: { name: producer.name, kind: producer.kind, address: producer.address, commune: producerUnit.get(Number(producer.unit_id)) ?? '', phone: producer.phone, website: producer.website },
    origin: { places: originRows.map(placeView), communes: [...new Set(originRows.map((p) => p.unit_name).filter((n): n is string => Boolean(n)))] },
    lot: lot && {
      number: lot.lot, productionDate: lot.production_date, expiryDate: lot.expiry_date, quantity: lot.quantity, uom: lot.uom,
      recall: lot.recalled_at && lot.recall_reason ? { at: lot.recalled_at, reason: lot.recall_reason } : null,
    },
    certificates: certificates.filter((c) => c.product_id === null || Number(c.product_id) === Number(product.id)).map((c) => ({
      scheme: named(cat.certificationSchemes, c.scheme), number: c.number, issuer: c.issuer, validFrom: c.valid_from, validTo: c.valid_to,
      expired: c.valid_to < today, productOnly: c.product_id !== null,
    })),
    warnings,
    journey: journeyOf(rows, (location) => (location ? byLocation.get(location) ?? null : null)),
    intact,
    scanId,
  };
}
