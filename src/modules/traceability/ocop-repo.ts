import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../db/like.js';

// The SQL of the public catalogue, the product pages and the marketplace feed: products of verified producers only.

export interface CatalogueFilter { stars?: number; group?: string; category?: string; commune?: string; q?: string; gtin?: string }

/** A product of a verified producer, with its producer, commune, lots and latest lot. */
const publicProducts = (db: Db, filter: CatalogueFilter) => {
  let query = db.selectFrom('trace_product as p').innerJoin('trace_producer as o', 'o.id', 'p.producer_id').innerJoin('org_unit as u', 'u.id', 'o.unit_id')
    .where('o.status', '=', 'verified');
  if (filter.gtin) query = query.where('p.gtin', '=', filter.gtin);
  if (filter.stars) query = query.where('p.ocop_stars', '=', filter.stars);
  if (filter.group) query = query.where('p.ocop_group', '=', filter.group);
  if (filter.category) query = query.where('p.category', '=', filter.category);
  if (filter.commune) query = query.where('u.code', '=', filter.commune);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    query = query.where((eb) => eb.or([eb('p.name_vi', 'ilike', pattern), eb('p.name_en', 'ilike', pattern), eb('o.name', 'ilike', pattern)]));
  }
  return query;
};

const columns = (db: Db, filter: CatalogueFilter) => publicProducts(db, filter)
  .select(['p.id', 'p.gtin', 'p.name_vi', 'p.name_en', 'p.category', 'p.description', 'p.ocop_stars', 'p.ocop_group', 'p.ocop_year', 'p.where_to_buy',
    'p.updated_at', 'o.id as producer_id', 'o.kind as producer_kind', 'o.name as producer_name', 'o.tax_code', 'o.address', 'o.phone', 'o.website',
    'o.updated_at as producer_updated_at', 'u.code as unit_code', 'u.name as unit_name'])
  .select((eb) => [
    sql<boolean>`p.image IS NOT NULL`.as('has_image'),
    eb.selectFrom('trace_lot as l').select((e) => e.fn.countAll<string>().as('n')).whereRef('l.product_id', '=', 'p.id').as('lots'),
    // A lot is traced when an event names it (the GIN index on the classes answers @>).
    eb.selectFrom('trace_lot as l').select((e) => e.fn.countAll<string>().as('n')).whereRef('l.product_id', '=', 'p.id')
      .where(sql<boolean>`EXISTS (SELECT 1 FROM trace_event e WHERE e.producer_id = p.producer_id AND e.epc_classes @> ARRAY['https://id.gs1.org/01/' || p.gtin || '/10/' || l.lot])`).as('traced_lots'),
    eb.selectFrom('trace_lot as l').select('l.lot').whereRef('l.product_id', '=', 'p.id').orderBy('l.production_date', 'desc').orderBy('l.id', 'desc').limit(1).as('latest_lot'),
  ]);
export type PublicProductRow = Awaited<ReturnType<ReturnType<typeof columns>['executeTakeFirstOrThrow']>>;

export async function catalogueRows(db: Db, filter: CatalogueFilter & { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    columns(db, filter).orderBy('p.ocop_stars', (o) => o.desc().nullsLast()).orderBy('p.name_vi').orderBy('p.id').limit(filter.limit).offset(filter.offset).execute(),
    publicProducts(db, filter).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const publicProduct = (db: Db, gtin: string) => columns(db, { gtin }).executeTakeFirst();
export const feedRows = (db: Db) => columns(db, {}).orderBy('p.gtin').execute();

/** The producer's certificates valid on a day: of the whole output, or of this product. */
export const validCertificates = (db: Db, producerId: number, productId: number, day: string) =>
  db.selectFrom('trace_certificate').select(['scheme', 'number', 'issuer', 'valid_from', 'valid_to'])
    .where('producer_id', '=', producerId).where((eb) => eb.or([eb('product_id', 'is', null), eb('product_id', '=', productId)]))
    .where('valid_from', '<=', day).where('valid_to', '>=', day).orderBy('valid_to', 'desc').orderBy('id').execute();

export const publicLots = (db: Db, productId: number) =>
  db.selectFrom('trace_lot').select(['id', 'lot', 'production_date', 'expiry_date', 'recalled_at', 'recall_reason'])
    .where('product_id', '=', productId).orderBy('production_date', 'desc').orderBy('id', 'desc').limit(200).execute();

/** How many of the producer's events name each of the lot classes (canonical Digital Links). */
export async function eventsPerClass(db: Db, producerId: number, classes: string[]): Promise<Map<string, number>> {
  if (!classes.length) return new Map();
  const rows = await sql<{ c: string; n: string }>`SELECT c, count(*) AS n FROM trace_event e, unnest(e.epc_classes) AS c
    WHERE e.producer_id = ${producerId} AND e.epc_classes && ${sql.val(classes)}::text[] AND c = ANY(${sql.val(classes)}::text[]) GROUP BY c`.execute(db);
  return new Map(rows.rows.map((r) => [r.c, Number(r.n)]));
}

/** How many of the producer's events name the product (any identifier under its GTIN). */
export async function productEventCount(db: Db, producerId: number, gtin: string): Promise<number> {
  const prefix = `https://id.gs1.org/01/${gtin}`;
  const row = await sql<{ n: string }>`SELECT count(*) AS n FROM trace_event e WHERE e.producer_id = ${producerId}
    AND EXISTS (SELECT 1 FROM unnest(e.epc_classes || e.epcs) AS x WHERE x = ${prefix} OR left(x, ${prefix.length + 1}) = ${`${prefix}/`})`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

export const publicImage = (db: Db, gtin: string) =>
  db.selectFrom('trace_product as p').innerJoin('trace_producer as o', 'o.id', 'p.producer_id').select(['p.image', 'p.image_type'])
    .where('p.gtin', '=', gtin).where('o.status', '=', 'verified').executeTakeFirst();
