import type { FastifyRequest } from 'fastify';
import { actorName, scopeUnitIds, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { createUser } from '../../core/users/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, alreadyExists, forbidden, notFound, outOfScope } from '../../server/errors.js';
import { coversProducer, isProducerAccount, PRODUCER_NEXT, type ProducerScope } from './policy.js';
import {
  insertMember, insertProducer, memberProducer, producerRow, producerRows, producerWith, unitExists, unitNames, updateProducerRow, type ProducerRow,
} from './repo.js';
import type { ProducerInput, ProducerUpdate, ProducerView } from './schema.js';

// Producers (cooperatives, households, enterprises): registered by the department, verified before their pages go
// public, with accounts of their own people.

/** Whose records the actor may touch: its own organisation for a producer's account, its units for an officer. */
export async function producerScope(db: Db, actor: Actor): Promise<ProducerScope> {
  if (isProducerAccount(actor) && actor.kind === 'user') {
    const producerId = await memberProducer(db, actor.id);
    if (producerId === null) throw forbidden();
    return { kind: 'producer', producerId };
  }
  const unitIds = await scopeUnitIds(db, actor);
  return unitIds ? { kind: 'units', unitIds } : { kind: 'all' };
}

/** The producer, when the actor may touch it: 404 when there is none, 403 when it is another's. */
export async function producerInScope(db: Db, actor: Actor, id: number, field?: string): Promise<ProducerRow> {
  const row = await producerRow(db, id);
  if (!row) throw field ? new AppError('reference_not_found', {}, field) : notFound();
  if (!coversProducer(await producerScope(db, actor), { id: Number(row.id), unitId: Number(row.unit_id) })) throw outOfScope(field);
  return row;
}

export async function producerViews(db: Db, rows: ProducerRow[]): Promise<ProducerView[]> {
  const names = await unitNames(db, rows.map((r) => Number(r.unit_id)));
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind, name: r.name, taxCode: r.tax_code, gln: r.gln, address: r.address, unitId: Number(r.unit_id),
    unitName: names.get(Number(r.unit_id)) ?? '', phone: r.phone, website: r.website, description: r.description, status: r.status,
    verifiedBy: r.verified_by, verifiedAt: r.verified_at, events: Number(r.chain_seq), createdAt: r.created_at,
  }));
}

export async function listProducers(db: Db, actor: Actor, filter: { q?: string; status?: string; limit: number; offset: number }) {
  const scope = await producerScope(db, actor);
  const { rows, total } = await producerRows(db, {
    ...filter, unitIds: scope.kind === 'units' ? [...scope.unitIds] : null, ...(scope.kind === 'producer' ? { producerId: scope.producerId } : {}),
  });
  return { items: await producerViews(db, rows), total };
}

export const getProducer = async (db: Db, actor: Actor, id: number) => (await producerViews(db, [await producerInScope(db, actor, id)]))[0]!;

/** Refuses a tax code or GLN another producer holds, and a unit that does not exist or lies outside the actor's. */
async function checkProducerFields(db: Db, actor: Actor, input: ProducerUpdate, except = 0) {
  if (input.taxCode && (await producerWith(db, 'tax_code', input.taxCode, except))) throw alreadyExists(input.taxCode, 'taxCode');
  if (input.gln && (await producerWith(db, 'gln', input.gln, except))) throw alreadyExists(input.gln, 'gln');
  if (input.unitId !== undefined) {
    if (!(await unitExists(db, input.unitId))) throw new AppError('reference_not_found', {}, 'unitId');
    const scope = await producerScope(db, actor);
    if (scope.kind === 'units' && !scope.unitIds.has(input.unitId)) throw outOfScope('unitId');
  }
}

const columns = (input: ProducerUpdate) => ({
  ...(input.kind !== undefined && { kind: input.kind }), ...(input.name !== undefined && { name: input.name }),
  ...(input.taxCode !== undefined && { tax_code: input.taxCode }), ...(input.gln !== undefined && { gln: input.gln }),
  ...(input.address !== undefined && { address: input.address }), ...(input.unitId !== undefined && { unit_id: input.unitId }),
  ...(input.phone !== undefined && { phone: input.phone }), ...(input.website !== undefined && { website: input.website }),
  ...(input.description !== undefined && { description: input.description }),
});

export async function registerProducer(options: { db: Db; actor: Actor; input: ProducerInput; now: Date; request?: FastifyRequest }): Promise<ProducerView> {
  const { db, actor, input, now, request } = options;
  return inTransaction(db, async (trx) => {
    await checkProducerFields(trx, actor, input);
    const row = await insertProducer(trx, {
      kind: input.kind, name: input.name, tax_code: input.taxCode ?? null, gln: input.gln ?? null, address: input.address, unit_id: input.unitId,
      phone: input.phone ?? null, website: input.website ?? null, description: input.description ?? '', created_by: actorName(actor), created_at: now, updated_at: now,
    });
    await recordAudit(trx, actor, { action: 'trace_producer.create', entity: 'trace_producer', entityId: row.id, after: input }, request);
    return (await producerViews(trx, [row]))[0]!;
  });
}

/** A producer edits its profile; its unit, tax code and GLN are what the department verified, so only staff change them once verified. */
export async function updateProducer(options: { db: Db; actor: Actor; id: number; input: ProducerUpdate; now: Date; request?: FastifyRequest }): Promise<ProducerView> {
  const { db, actor, id, input, now, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await producerInScope(trx, actor, id);
    const verifiedField = (['unitId', 'taxCode', 'gln'] as const).find((f) => input[f] !== undefined);
    if (isProducerAccount(actor) && before.status === 'verified' && verifiedField) throw new AppError('producer_verified_field', {}, verifiedField);
    await checkProducerFields(trx, actor, input, id);
    const row = await updateProducerRow(trx, id, { ...columns(input), updated_at: now });
    await recordAudit(trx, actor, { action: 'trace_producer.update', entity: 'trace_producer', entityId: id, before, after: input }, request);
    return (await producerViews(trx, [row]))[0]!;
  });
}

export async function verifyProducer(options: { db: Db; actor: Actor; id: number; status: 'verified' | 'suspended'; note?: string; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, status, note, now, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await producerInScope(trx, actor, id);
    if (!PRODUCER_NEXT[before.status].includes(status)) throw new AppError('producer_status_move', { from: before.status, to: status });
    const row = await updateProducerRow(trx, id, { status, verified_by: actorName(actor), verified_at: now, updated_at: now });
    await recordAudit(trx, actor, { action: `trace_producer.${status === 'verified' ? 'verify' : 'suspend'}`, entity: 'trace_producer', entityId: id, before: { status: before.status }, after: { status, note } }, request);
    return (await producerViews(trx, [row]))[0]!;
  });
}

/** An account for one of the producer's people: role `producer`, its unit the producer's, tied to the producer. */
export async function createProducerAccount(options: {
  db: Db; actor: Actor; producerId: number; input: { username: string; displayName: string; email?: string | null; locale?: 'vi' | 'en'; password: string }; request?: FastifyRequest;
}) {
  const { db, actor, producerId, input, request } = options;
  if (isProducerAccount(actor)) throw forbidden();
  const producer = await producerInScope(db, actor, producerId);
  const user = await createUser(db, actor, { ...input, role: 'producer', orgUnitId: Number(producer.unit_id) }, request, async (trx, userId) => {
    await insertMember(trx, userId, producerId);
  });
  return { userId: user.id, username: user.username, displayName: user.displayName, producerId };
}
