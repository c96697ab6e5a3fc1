import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../db/like.js';
import type { TraceCertificateTable, TraceLotTable, TracePlaceTable, TraceProducerTable, TraceProductTable } from '../../db/schema.js';

// The SQL of the producers, places, products, certificates, lots and items (the events' in events-repo.ts).

export const producerRow = (db: Db, id: number) => db.selectFrom('trace_producer').selectAll().where('id', '=', id).executeTakeFirst();
export type ProducerRow = NonNullable<Awaited<ReturnType<typeof producerRow>>>;

export async function producerRows(db: Db, filter: { q?: string; status?: string; unitIds: number[] | null; producerId?: number; limit: number; offset: number }) {
  let query = db.selectFrom('trace_producer');
  if (filter.q) query = query.where('name', 'ilike', containsPattern(filter.q));
  if (filter.status) query = query.where('status', '=', filter.status as ProducerRow['status']);
  if (filter.unitIds) query = query.where('unit_id', 'in', filter.unitIds.length ? filter.unitIds : [-1]);
  if (filter.producerId) query = query.where('id', '=', filter.producerId);
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('name').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const insertProducer = (db: Db, row: Insertable<TraceProducerTable>) => db.insertInto('trace_producer').values(row).returningAll().executeTakeFirstOrThrow();
export const updateProducerRow = (db: Db, id: number, set: Updateable<TraceProducerTable>) =>
  db.updateTable('trace_producer').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** The producer taken by a tax code or GLN, other than `except`: both name one organisation. */
export const producerWith = (db: Db, column: 'tax_code' | 'gln', value: string, except = 0) =>
  db.selectFrom('trace_producer').select('id').where(column, '=', value).where('id', '<>', except).executeTakeFirst();

export async function memberProducer(db: Db, userId: number): Promise<number | null> {
  const row = await db.selectFrom('trace_member').select('producer_id').where('user_id', '=', userId).executeTakeFirst();
  return row ? Number(row.producer_id) : null;
}
export const insertMember = (db: Db, userId: number, producerId: number) => db.insertInto('trace_member').values({ user_id: userId, producer_id: producerId }).execute();
export const memberIds = (db: Db, producerId: number) => db.selectFrom('trace_member').select('user_id').where('producer_id', '=', producerId).execute();

export async function unitNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}
export const unitExists = async (db: Db, id: number) => Boolean(await db.selectFrom('org_unit').select('id').where('id', '=', id).executeTakeFirst());

export const placeRows = (db: Db, producerId: number) => db.selectFrom('trace_place').selectAll().where('producer_id', '=', producerId).orderBy('code').execute();
export const placeRow = (db: Db, id: number) => db.selectFrom('trace_place').selectAll().where('id', '=', id).executeTakeFirst();
export const insertPlace = (db: Db, row: Insertable<TracePlaceTable>) =>
  db.insertInto('trace_place').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();

const productColumns = (db: Db) => db.selectFrom('trace_product as p').innerJoin('trace_producer as o', 'o.id', 'p.producer_id')
  .select(['p.id', 'p.producer_id', 'o.name as producer_name', 'o.status as producer_status', 'p.gtin', 'p.name_vi', 'p.name_en', 'p.category', 'p.description',
    'p.ocop_stars', 'p.ocop_group', 'p.ocop_year', 'p.where_to_buy', 'p.created_at'])
  .select((eb) => [
    sql<boolean>`p.image IS NOT NULL`.as('has_image'),
    eb.selectFrom('trace_lot as l').select((e) => e.fn.countAll<string>().as('n')).whereRef('l.product_id', '=', 'p.id').as('lots'),
  ]);
export type ProductRow = Awaited<ReturnType<ReturnType<typeof productColumns>['executeTakeFirstOrThrow']>>;
export const productRows = (db: Db, filter: { producerIds?: number[]; ocop?: boolean; verifiedOnly?: boolean }) => {
  let query = productColumns(db);
  if (filter.producerIds) query = query.where('p.producer_id', 'in', filter.producerIds.length ? filter.producerIds : [-1]);
  if (filter.ocop) query = query.where('p.ocop_stars', 'is not', null);
  if (filter.verifiedOnly) query = query.where('o.status', '=', 'verified');
  return query.orderBy('p.name_vi').orderBy('p.id').execute();
};
export const productRow = (db: Db, id: number) => productColumns(db).where('p.id', '=', id).executeTakeFirst();
export const productByGtin = (db: Db, gtin: string) => productColumns(db).where('p.gtin', '=', gtin).executeTakeFirst();
export const insertProduct = (db: Db, row: Insertable<TraceProductTable>) =>
  db.insertInto('trace_product').values(row).onConflict((oc) => oc.column('gtin').doNothing()).returning('id').executeTakeFirst();
export const updateProductRow = (db: Db, id: number, set: Updateable<TraceProductTable>) => db.updateTable('trace_product').set(set).where('id', '=', id).execute();
export const productImage = (db: Db, id: number) => db.selectFrom('trace_product').select(['image', 'image_type']).where('id', '=', id).executeTakeFirst();

export const lotColumns = (db: Db) => db.selectFrom('trace_lot as l').innerJoin('trace_product as p', 'p.id', 'l.product_id')
  .select(['l.id', 'l.product_id', 'p.gtin', 'p.producer_id', 'l.lot', 'l.production_date', 'l.expiry_date', 'l.quantity', 'l.uom', 'l.place_id', 'l.recalled_at', 'l.recall_reason'])
  .select((eb) => eb.selectFrom('trace_item as i').select((e) => e.fn.countAll<string>().as('n')).whereRef('i.lot_id', '=', 'l.id').as('serials'));
export type LotRow = Awaited<ReturnType<ReturnType<typeof lotColumns>['executeTakeFirstOrThrow']>>;
export const lotRows = (db: Db, productId: number) => lotColumns(db).where('l.product_id', '=', productId).orderBy('l.production_date', 'desc').orderBy('l.id', 'desc').execute();
export const lotRow = (db: Db, id: number) => lotColumns(db).where('l.id', '=', id).executeTakeFirst();
export const insertLot = (db: Db, row: Insertable<TraceLotTable>) =>
  db.insertInto('trace_lot').values(row).onConflict((oc) => oc.columns(['product_id', 'lot']).doNothing()).returning('id').executeTakeFirst();
export const recallLotRow = (db: Db, id: number, at: Date, reason: string) =>
  db.updateTable('trace_lot').set({ recalled_at: at, recall_reason: reason }).where('id', '=', id).where('recalled_at', 'is', null).executeTakeFirst();

/** Issues `count` serials for a lot, numbered after the product's last: "{lot}-{n}" would collide across lots, so n runs per product. */
export async function issueSerials(db: Db, productId: number, lotId: number, count: number): Promise<string[]> {
  const last = await db.selectFrom('trace_item').select(sql<string>`coalesce(max(serial::bigint), 0)`.as('n'))
    .where('product_id', '=', productId).where(sql<boolean>`serial ~ '^[0-9]{1,18}$'`).executeTakeFirstOrThrow();
  const first = Number(last.n) + 1;
  const serials = Array.from({ length: count }, (_, i) => String(first + i));
  await db.insertInto('trace_item').values(serials.map((serial) => ({ product_id: productId, serial, lot_id: lotId }))).execute();
  return serials;
}
export const serialsOf = (db: Db, lotId: number, limit: number) =>
  db.selectFrom('trace_item').select('serial').where('lot_id', '=', lotId).orderBy(sql`serial::bigint`).limit(limit).execute();

export const certificateRows = (db: Db, producerId: number) =>
  db.selectFrom('trace_certificate').select(['id', 'producer_id', 'product_id', 'scheme', 'number', 'issuer', 'valid_from', 'valid_to', 'evidence_name'])
    .where('producer_id', '=', producerId).orderBy('valid_to', 'desc').orderBy('id').execute();
export const insertCertificate = (db: Db, row: Insertable<TraceCertificateTable>) =>
  db.insertInto('trace_certificate').values(row).returning(['id', 'producer_id', 'product_id', 'scheme', 'number', 'issuer', 'valid_from', 'valid_to', 'evidence_name']).executeTakeFirstOrThrow();
export const certificateEvidence = (db: Db, id: number) =>
  db.selectFrom('trace_certificate').select(['producer_id', 'evidence', 'evidence_type', 'evidence_name']).where('id', '=', id).executeTakeFirst();
