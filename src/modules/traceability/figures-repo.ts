import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

// The counts behind the traceability figures, per commune (the producer's unit): stocks at an instant, flows between two.

export type UnitCounts = Map<number, number>;
const counts = (rows: { unit_id: number | string; n: number | string }[]): UnitCounts => new Map(rows.map((r) => [Number(r.unit_id), Number(r.n)]));

/** The units that have producers: each gets every figure, 0 where nothing is counted. */
export const producerUnits = async (db: Db) =>
  (await db.selectFrom('trace_producer').select('unit_id').distinct().execute()).map((r) => Number(r.unit_id));

export const producersBy = async (db: Db, end: Date, verified: boolean) => {
  let query = db.selectFrom('trace_producer').select((eb) => ['unit_id', eb.fn.countAll<string>().as('n')]).groupBy('unit_id');
  query = verified ? query.where('status', '=', 'verified').where('verified_at', '<', end) : query.where('created_at', '<', end);
  return counts(await query.execute());
};

/** Products (or lots) named by at least one event recorded before `end`: identifiers under https://id.gs1.org/01/{gtin}. */
export async function tracedBy(db: Db, end: Date, what: 'products' | 'lots'): Promise<UnitCounts> {
  const rows = what === 'products'
    ? await sql<{ unit_id: string; n: string }>`SELECT o.unit_id, count(DISTINCT p.id) AS n
        FROM trace_event e CROSS JOIN LATERAL unnest(e.epc_classes || e.epcs) AS x(id)
        JOIN trace_product p ON p.producer_id = e.producer_id AND p.gtin = substr(x.id, 23, 14)
        JOIN trace_producer o ON o.id = p.producer_id
        WHERE e.record_time < ${end} AND left(x.id, 22) = 'https://id.gs1.org/01/' GROUP BY o.unit_id`.execute(db)
    : await sql<{ unit_id: string; n: string }>`SELECT o.unit_id, count(DISTINCT l.id) AS n
        FROM trace_event e CROSS JOIN LATERAL unnest(e.epc_classes) AS x(id)
        JOIN trace_product p ON p.producer_id = e.producer_id AND p.gtin = substr(x.id, 23, 14)
        JOIN trace_lot l ON l.product_id = p.id AND x.id = 'https://id.gs1.org/01/' || p.gtin || '/10/' || l.lot
        JOIN trace_producer o ON o.id = p.producer_id
        WHERE e.record_time < ${end} AND left(x.id, 22) = 'https://id.gs1.org/01/' GROUP BY o.unit_id`.execute(db);
  return counts(rows.rows);
}

export const eventsBetween = async (db: Db, start: Date, end: Date) => counts(await db.selectFrom('trace_event as e').innerJoin('trace_producer as o', 'o.id', 'e.producer_id')
  .select((eb) => ['o.unit_id', eb.fn.countAll<string>().as('n')]).where('e.record_time', '>=', start).where('e.record_time', '<', end).groupBy('o.unit_id').execute());

export const scansBetween = async (db: Db, start: Date, end: Date) => counts(await db.selectFrom('trace_scan as s').innerJoin('trace_product as p', 'p.id', 's.product_id')
  .innerJoin('trace_producer as o', 'o.id', 'p.producer_id').select((eb) => ['o.unit_id', eb.fn.countAll<string>().as('n')])
  .where('s.at', '>=', start).where('s.at', '<', end).groupBy('o.unit_id').execute());

export const ocopListedBy = async (db: Db, end: Date) => counts(await db.selectFrom('trace_product as p').innerJoin('trace_producer as o', 'o.id', 'p.producer_id')
  .select((eb) => ['o.unit_id', eb.fn.countAll<string>().as('n')]).where('p.ocop_stars', 'is not', null).where('o.status', '=', 'verified')
  .where('o.verified_at', '<', end).where('p.created_at', '<', end).groupBy('o.unit_id').execute());
