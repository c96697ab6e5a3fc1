import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

// The catalogue's own queries beside repo.ts's: scope, places taken, serial locks, the import's look-ups.

export const producerIdsInUnits = async (db: Db, unitIds: number[]) =>
  (await db.selectFrom('trace_producer').select('id').where('unit_id', 'in', unitIds.length ? unitIds : [-1]).execute()).map((r) => Number(r.id));
export const placeTaken = (db: Db, producerId: number, code: string, location: string) =>
  db.selectFrom('trace_place').select(['id', 'code', 'producer_id']).where((eb) => eb.or([eb.and([eb('producer_id', '=', producerId), eb('code', '=', code)]), eb('location', '=', location)])).executeTakeFirst();
/** Locks a product's row: serials are numbered after its last, one issuer at a time. */
export const lockProduct = (db: Db, id: number) => db.selectFrom('trace_product').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
export const productsWithGtins = (db: Db, gtins: string[]) =>
  gtins.length ? db.selectFrom('trace_product').select(['id', 'producer_id', 'gtin']).where('gtin', 'in', gtins).execute() : Promise.resolve([]);
export const lotKeysOf = (db: Db, productIds: number[]) =>
  productIds.length ? db.selectFrom('trace_lot').select(['product_id', 'lot']).where('product_id', 'in', productIds).execute() : Promise.resolve([]);
export const setProductImage = (db: Db, id: number, image: Buffer, type: string, at: Date) =>
  db.updateTable('trace_product').set({ image, image_type: type, updated_at: at }).where('id', '=', id).execute();
export const serialsPage = (db: Db, lotId: number, limit: number, offset: number) =>
  db.selectFrom('trace_item').select('serial').where('lot_id', '=', lotId).orderBy(sql`length(serial)`).orderBy('serial').limit(limit).offset(offset).execute();
export const productGtinsOf = (db: Db, producerId: number) => db.selectFrom('trace_product').select(['id', 'gtin']).where('producer_id', '=', producerId).execute();
