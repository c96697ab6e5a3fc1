import { stringify } from 'csv-stringify/sync';
import { vnDate } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { categoryOf, latestLotUri, ocopGroupOf, productImageUrl, productPageUrl } from './ocop.js';
import { feedRows } from './ocop-repo.js';
import type { FeedRow } from './ocop-schema.js';

// The product feed for marketplaces (docs/product-feed.md): one row per product of a verified producer, as JSON or
// as CSV in UTF-8 with a byte-order mark and CRLF lines, so that Excel opens the Vietnamese names intact.

/** The CSV's columns, in order: the JSON rows' fields. */
export const FEED_COLUMNS = [
  'gtin', 'nameVi', 'nameEn', 'category', 'categoryVi', 'categoryEn', 'ocopStars', 'ocopGroup', 'ocopGroupVi', 'ocopGroupEn', 'ocopYear',
  'producerName', 'producerTaxCode', 'producerAddress', 'communeCode', 'communeName', 'whereToBuy', 'imageUrl', 'productPageUrl', 'latestLotUri', 'updatedAt',
] as const satisfies readonly (keyof FeedRow)[];

export async function feedItems(db: Db, publicUrl: string): Promise<FeedRow[]> {
  return (await feedRows(db)).map((r) => {
    const category = categoryOf(r.category);
    const group = r.ocop_group ? ocopGroupOf(r.ocop_group) : null;
    const updated = r.updated_at > r.producer_updated_at ? r.updated_at : r.producer_updated_at;
    return {
      gtin: r.gtin, nameVi: r.name_vi, nameEn: r.name_en, category: r.category, categoryVi: category.nameVi, categoryEn: category.nameEn,
      ocopStars: r.ocop_stars, ocopGroup: r.ocop_group, ocopGroupVi: group?.nameVi ?? null, ocopGroupEn: group?.nameEn ?? null, ocopYear: r.ocop_year,
      producerName: r.producer_name, producerTaxCode: r.tax_code, producerAddress: r.address, communeCode: r.unit_code, communeName: r.unit_name,
      whereToBuy: r.where_to_buy, imageUrl: productImageUrl(publicUrl, r), productPageUrl: productPageUrl(publicUrl, r.gtin),
      latestLotUri: latestLotUri(publicUrl, r), updatedAt: new Date(updated).toISOString(),
    };
  });
}

export async function feedJson(db: Db, publicUrl: string, now: Date) {
  const items = await feedItems(db, publicUrl);
  return { generatedAt: now.toISOString(), publisher: publicUrl, count: items.length, items };
}

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
};

export async function feedCsv(db: Db, publicUrl: string, now: Date) {
  const items = await feedItems(db, publicUrl);
  const body = `\uFEFF${stringify([[...FEED_COLUMNS], ...items.map((r) => FEED_COLUMNS.map((c) => cell(r[c])))], { record_delimiter: 'windows' })}`;
  return { type: 'text/csv; charset=utf-8', name: `san-pham-truy-xuat-${vnDate(now)}.csv`, body };
}
