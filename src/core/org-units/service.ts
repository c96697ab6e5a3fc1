import type { FastifyRequest } from 'fastify';
import { vnDate } from '../calendar/index.js';
import type { Db } from '../../db/database.js';
import { AppError, alreadyExists, notFound } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { FeatureCollection } from './geojson.js';
import * as repo from './repo.js';
import type { UnitCreate, UnitUpdate } from './schema.js';




/** A unit with everything the browser shows beside it: its chain of parents, children, and lineage in time. */
export async function describeUnit(db: Db, id: number, asOf?: string) {
  const unit = await repo.getById(db, id);
  if (!unit) throw notFound('id');
  const childDate = asOf ?? unit.validTo ?? unit.validFrom ?? '9999-12-31';
  const [ancestors, children, predecessors, successors, events, boundary] = await Promise.all([
    repo.ancestors(db, id),
    repo.listInForce(db, childDate, { parentId: id }),
    repo.linked(db, id, 'predecessors'),
    repo.linked(db, id, 'successors'),
    repo.endingEvents(db, id),
    db.selectFrom('org_unit_boundary').select('source').where('unit_id', '=', id).executeTakeFirst(),
  ]);
  return { unit, ancestors, children, predecessors, successors, events, boundarySource: boundary?.source ?? null };
}

export async function createUnit(db: Db, actor: Actor, input: UnitCreate, now: Date, request?: FastifyRequest) {
  const validFrom = input.validFrom ?? vnDate(now);
  return db.transaction().execute(async (trx) => {
    const parent = await repo.getById(trx, input.parentId);
    if (!parent) throw new AppError('reference_not_found', {}, 'parentId');
    if (parent.validTo && parent.validTo < validFrom) throw new AppError('unit_not_in_force', { code: parent.code }, 'parentId');
    if (await repo.findByCode(trx, input.code, validFrom)) throw alreadyExists(input.code, 'code');
    const row = await trx
      .insertInto('org_unit')
      .values({
        code: input.code, name: input.name, short_name: input.shortName ?? null, type: input.type, level: input.level,
        parent_id: input.parentId, valid_from: validFrom, valid_to: parent.validTo, source: 'created in Tỉnh Số',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await repo.getById(trx, row.id);
    await recordAudit(trx, actor, { action: 'org_unit.create', entity: 'org_unit', entityId: row.id, after }, request);
    return after!;
  });
}

export async function updateUnit(db: Db, actor: Actor, id: number, input: UnitUpdate, request?: FastifyRequest) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.getById(trx, id);
    if (!before) throw notFound('id');
    await trx
      .updateTable('org_unit')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.shortName !== undefined && { short_name: input.shortName }),
        ...(input.type !== undefined && { type: input.type }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = await repo.getById(trx, id);
    await recordAudit(trx, actor, { action: 'org_unit.update', entity: 'org_unit', entityId: id, before, after }, request);
    return after!;
  });
}

/**
 * Stores uploaded boundaries: each feature is matched by `properties.code` to the unit in force on `asOf`.
 * All or nothing: a file with an unknown code changes nothing and says which features failed.
 */
export async function uploadBoundaries(db: Db, actor: Actor, input: { asOf: string; source: string; collection: FeatureCollection }, request?: FastifyRequest) {
  return db.transaction().execute(async (trx) => {
    const matched: { unitId: number; code: string; geometry: unknown }[] = [];
    const unmatched: string[] = [];
    for (const feature of input.collection.features) {
      const code = String(feature.properties.code);
      const unit = await repo.findByCode(trx, code, input.asOf);
      if (unit) matched.push({ unitId: unit.id, code, geometry: feature.geometry });
      else unmatched.push(code);
    }
    if (unmatched.length) {
      throw new AppError('invalid_geojson', { detail: `unknown codes on ${input.asOf}: ${unmatched.slice(0, 20).join(', ')}` }, 'collection.features');
    }
    for (const m of matched) {
      await trx
        .insertInto('org_unit_boundary')
        .values({ unit_id: m.unitId, geometry: JSON.stringify(m.geometry), source: input.source, updated_at: new Date() })
        .onConflict((oc) => oc.column('unit_id').doUpdateSet({ geometry: JSON.stringify(m.geometry) as never, source: input.source, updated_at: new Date() }))
        .execute();
    }
    await recordAudit(trx, actor, { action: 'org_unit.boundaries_upload', entity: 'org_unit_boundary', after: { source: input.source, asOf: input.asOf, codes: matched.map((m) => m.code) } }, request);
    return { updated: matched.length, codes: matched.map((m) => m.code) };
  });
}
