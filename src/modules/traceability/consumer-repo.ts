import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.js';
import { lotColumns } from './repo.js';

// The SQL of the public side: what a scanned code names, a lot's journey as the consumer page reads it, and the scan
// log (trace_scan). A code's lookups each start from its GTIN, so that they run at once instead of one after another.

export const producerOfGtin = (db: Db, gtin: string) => db.selectFrom('trace_producer').selectAll()
  .where('id', '=', (eb) => eb.selectFrom('trace_product').select('producer_id').where('gtin', '=', gtin)).executeTakeFirst();
export const lotOfGtin = (db: Db, gtin: string, lot: string) => lotColumns(db).where('p.gtin', '=', gtin).where('l.lot', '=', lot).executeTakeFirst();
export const itemOfGtin = (db: Db, gtin: string, serial: string) => db.selectFrom('trace_item as i').innerJoin('trace_product as p', 'p.id', 'i.product_id')
  .select(['i.lot_id']).where('p.gtin', '=', gtin).where('i.serial', '=', serial).executeTakeFirst();

/** The registered places at some locations, with the name of the unit each lies in. */
export const placesAt = (db: Db, locations: string[]) => locations.length
  ? db.selectFrom('trace_place as t').leftJoin('org_unit as u', 'u.id', 't.unit_id').selectAll('t').select('u.name as unit_name').where('t.location', 'in', locations).execute()
  : Promise.resolve([]);

/**
 * The events of a lot (its LGTIN among the classes) or of one of its items (its SGTIN among the EPCs), neither an
 * error declaration nor declared erroneous, in event time order.
 */
export function journeyRows(db: Db, producerId: number, lotClass: string | null, itemEpc: string | null) {
  const classes = lotClass ? [lotClass] : [];
  const epcs = itemEpc ? [itemEpc] : [];
  if (!classes.length && !epcs.length) return Promise.resolve([]);
  return db.selectFrom('trace_event as e')
    .select(['e.seq', 'e.event_id', 'e.event_time', 'e.biz_step', 'e.disposition', 'e.biz_location', 'e.read_point', 'e.document'])
    // "+ 0": the lot's GIN match drives the search; a producer's own index would read all its events (20,000 of a
    // cooperative's) to keep its lot's fifty.
    .where(sql<number>`e.producer_id + 0`, '=', producerId).where('e.declares', 'is', null)
    .where((eb) => eb.or([
      ...(classes.length ? [eb(sql<boolean>`e.epc_classes && ${sql.val(classes)}::text[]`, '=', true)] : []),
      ...(epcs.length ? [eb(sql<boolean>`e.epcs && ${sql.val(epcs)}::text[]`, '=', true)] : []),
    ]))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('trace_event as d').select('d.id').whereRef('d.declares', '=', 'e.event_id'))))
    .orderBy('e.event_time').orderBy('e.id').limit(500).execute();
}
export type JourneyRow = Awaited<ReturnType<typeof journeyRows>>[number];

/**
 * Logs a scan. Its commit does not wait for the disk: a consumer's page waits for it, and under a checkpoint that
 * wait was most of the page's slowest answers; a server crash may lose the last fraction of a second of scans.
 */
export const insertScan = (db: Db, row: { at: Date; productId: number; lotId: number | null; serial: string | null; lat?: number | null; lon?: number | null }) =>
  inTransaction(db, async (trx) => {
    await sql`SET LOCAL synchronous_commit = off`.execute(trx);
    return trx.insertInto('trace_scan').values({ at: row.at, product_id: row.productId, lot_id: row.lotId, serial: row.serial, lat: row.lat ?? null, lon: row.lon ?? null })
      .returning('id').executeTakeFirstOrThrow();
  });

/** Adds the place to a recent scan of the same product that has none yet: the consumer shared it after the page opened. */
export const locateScan = (db: Db, id: number, code: { productId: number; lotId: number | null; serial: string | null }, since: Date, lat: number, lon: number) =>
  db.updateTable('trace_scan').set({ lat, lon }).where('id', '=', id).where('product_id', '=', code.productId)
    .where('lot_id', code.lotId === null ? 'is' : '=', code.lotId).where('serial', code.serial === null ? 'is' : '=', code.serial)
    .where('lat', 'is', null).where('at', '>=', since).returning(['id', 'at']).executeTakeFirst();

/** How often a serial, or a whole lot, has been scanned since a time. */
export async function scanCount(db: Db, productId: number, key: { serial: string } | { lotId: number }, since: Date): Promise<number> {
  let q = db.selectFrom('trace_scan').select((eb) => eb.fn.countAll<string>().as('n')).where('product_id', '=', productId).where('at', '>=', since);
  q = 'serial' in key ? q.where('serial', '=', key.serial) : q.where('lot_id', '=', key.lotId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The located scans of a serial in a window around a time, other than one: what an impossible journey is judged on. */
export const locatedScans = (db: Db, productId: number, serial: string, from: Date, to: Date, except: number) =>
  db.selectFrom('trace_scan').select(['id', 'at', 'lat', 'lon']).where('product_id', '=', productId).where('serial', '=', serial)
    .where('at', '>=', from).where('at', '<=', to).where('id', '<>', except).where('lat', 'is not', null)
    .orderBy('at', 'desc').limit(50).execute();
