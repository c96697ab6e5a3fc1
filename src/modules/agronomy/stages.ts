import type { FastifyRequest } from 'fastify';
import { actorName, assertUnitInScope, scopeUnitIds, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { agronomyReference } from './reference.js';
import { AppError } from '../../server/errors.js';
import { listStages, unitExists, unitNames, upsertStage } from './repo.js';
import type { StageInput } from './schema.js';

// The crop stage of an area's fields, from a day on: it sets the salinity the fields tolerate (settings.json).

const view = (names: Map<number, string>) => (r: { id: number; unit_id: number; stage: string; since: string; set_by: string; set_at: Date }) =>
  ({ id: Number(r.id), unit: { id: Number(r.unit_id), name: names.get(Number(r.unit_id)) ?? '' }, stage: r.stage, since: r.since, setBy: r.set_by, setAt: r.set_at });

export async function cropStages(db: Db, actor: Actor) {
  const { stages, defaultStage } = agronomyReference().settings.salinity;
  const scope = await scopeUnitIds(db, actor);
  const rows = await listStages(db, scope ? [...scope] : null);
  const names = await unitNames(db, rows.map((r) => r.unit_id));
  return { stages: stages.map(({ code, nameVi, nameEn, limit }) => ({ code, nameVi, nameEn, limit })), defaultStage, entries: rows.map(view(names)) };
}

/** Sets (or, for the same day, replaces) the stage of a unit's fields from a day on. */
export async function setCropStage(options: { db: Db; actor: Actor; input: StageInput; now: Date; request?: FastifyRequest }) {
  const { db, actor, input, now, request } = options;
  if (!(await unitExists(db, input.unitId))) throw new AppError('reference_not_found', { field: 'unitId' }, 'unitId');
  await assertUnitInScope(db, actor, input.unitId, 'unitId');
  return inTransaction(db, async (trx) => {
    const row = await upsertStage(trx, { ...input, by: actorName(actor), at: now });
    await recordAudit(trx, actor, { action: 'agri_crop_stage.set', entity: 'agri_crop_stage', entityId: row.id, after: input }, request);
    const since = typeof row.since === 'string' ? row.since : input.since;
    return view(await unitNames(trx, [input.unitId]))({ ...row, since });
  });
}
