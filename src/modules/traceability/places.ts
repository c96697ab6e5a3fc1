import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { producerInScope } from './producers.js';
import { placeTaken } from './catalogue-repo.js';
import { insertPlace, placeRows, unitExists, unitNames } from './repo.js';
import type { PlaceInput } from './schema.js';

// A producer's growing areas (with their area codes) and facilities: where its events happen.

type PlaceRow = Awaited<ReturnType<typeof placeRows>>[number];

async function placeViews(db: Db, rows: PlaceRow[]) {
  const names = await unitNames(db, rows.map((r) => Number(r.unit_id)));
  return rows.map((r) => ({
    id: Number(r.id), producerId: Number(r.producer_id), kind: r.kind, code: r.code, name: r.name, location: r.location, unitId: Number(r.unit_id),
    unitName: names.get(Number(r.unit_id)) ?? '', areaHa: r.area_ha, lat: r.lat, lon: r.lon,
  }));
}

export async function listPlaces(db: Db, actor: Actor, producerId: number) {
  await producerInScope(db, actor, producerId);
  return { items: await placeViews(db, await placeRows(db, producerId)) };
}

/** The platform's own location identifier of a place that names none. */
export const placeUri = (producerId: number, code: string) => `urn:tinhso:place:${producerId}.${code}`;

export async function createPlace(options: { db: Db; actor: Actor; producerId: number; input: PlaceInput; request?: FastifyRequest }) {
  const { db, actor, producerId, input, request } = options;
  return inTransaction(db, async (trx) => {
    await producerInScope(trx, actor, producerId);
    if (!(await unitExists(trx, input.unitId))) throw new AppError('reference_not_found', {}, 'unitId');
    const location = input.location ?? placeUri(producerId, input.code);
    const taken = () => new AppError('place_taken', { code: input.code }, input.location ? 'location' : 'code');
    const other = await placeTaken(trx, producerId, input.code, location);
    if (other) throw Number(other.producer_id) === producerId && other.code === input.code ? new AppError('place_taken', { code: input.code }, 'code') : taken();
    const row = await insertPlace(trx, {
      producer_id: producerId, kind: input.kind, code: input.code, name: input.name, location, unit_id: input.unitId,
      area_ha: input.areaHa ?? null, lat: input.lat ?? null, lon: input.lon ?? null,
    });
    if (!row) throw taken();
    await recordAudit(trx, actor, { action: 'trace_place.create', entity: 'trace_place', entityId: row.id, after: { ...input, location } }, request);
    return (await placeViews(trx, [row]))[0]!;
  });
}
