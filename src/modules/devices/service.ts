import type { FastifyRequest } from 'fastify';
import { assertUnitInScope, scopeUnitIds, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { randomToken, sha256 } from '../../core/auth/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { getById as getUnit } from '../../core/org-units/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, notFound } from '../../server/errors.js';
import { communeAt } from '../feedback/index.js';
import { deviceStatus, TOKEN_PREFIX_LENGTH } from './policy.js';
import { deleteDevice, findDeviceByName, findKind, getDevice, insertDevice, listDevices as listRows, listKinds, setGatewayFlag, updateDevice, type DeviceRow } from './repo.js';
import type { DeviceInput, DeviceUpdate, DeviceView } from './schema.js';
import { forgetToken } from './tokens.js';

export const newDeviceToken = () => randomToken(15);

async function unitNames(db: Db, ids: (number | null)[]) {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  const units = await Promise.all(unique.map((id) => getUnit(db, id)));
  return new Map(units.filter((u) => u).map((u) => [u!.id, { id: u!.id, name: u!.name }]));
}

export async function deviceViews(db: Db, rows: DeviceRow[], now: Date): Promise<DeviceView[]> {
  const [names, kinds] = await Promise.all([unitNames(db, rows.flatMap((r) => [r.unit_id, r.owner_unit_id])), listKinds(db)]);
  const interval = new Map(kinds.map((k) => [k.code, k.interval_seconds]));
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind_code, name: r.name, location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon },
    unit: r.unit_id ? (names.get(Number(r.unit_id)) ?? null) : null, ownerUnit: r.owner_unit_id ? (names.get(Number(r.owner_unit_id)) ?? null) : null,
    tokenPrefix: r.token_prefix, provisioned: r.provisioned,
    status: deviceStatus({ revokedAt: r.revoked_at, lastSeenAt: r.last_seen_at }, interval.get(r.kind_code) ?? 3600, now),
    lastSeenAt: r.last_seen_at, battery: r.battery, badPayloads: r.bad_payloads, lastBadReason: r.last_bad_reason, lastBadAt: r.last_bad_at,
    revokedAt: r.revoked_at, createdAt: r.created_at, gatewayId: r.gateway_id === null ? null : Number(r.gateway_id),
    attributes: (typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes) as DeviceView['attributes'],
  }));
}

export async function listDevices(options: { db: Db; actor: Actor; query: { kind?: string; limit: number; offset: number }; now: Date }) {
  const { db, actor, query, now } = options;
  const scope = await scopeUnitIds(db, actor);
  return deviceViews(db, await listRows(db, { ...query, units: scope ? [...scope] : null }), now);
}

/** One device, if it stands or is owned in the reader's units. */
export async function visibleDevice(db: Db, actor: Actor, id: number): Promise<DeviceRow> {
  const row = await getDevice(db, id);
  if (!row) throw notFound('id');
  const scope = await scopeUnitIds(db, actor);
  if (scope && !(row.unit_id && scope.has(Number(row.unit_id))) && !(row.owner_unit_id && scope.has(Number(row.owner_unit_id)))) throw notFound('id');
  return row;
}

async function placeOf(db: Db, input: { location?: { lat: number; lon: number } | null; unitId?: number | null }, now: Date): Promise<number | null> {
  if (input.unitId) {
    if (!(await getUnit(db, input.unitId))) throw new AppError('reference_not_found', { field: 'unitId' }, 'unitId');
    return input.unitId;
  }
  return input.location ? ((await communeAt(db, input.location, vnDate(now)))?.id ?? null) : null;
}

/** Registers a device; its token is answered once, only its SHA-256 kept. */
export async function createDevice(options: { db: Db; actor: Actor; input: DeviceInput; now: Date; provisioned?: boolean; gatewayId?: number; request?: FastifyRequest }) {
  const { db, actor, input, now, request } = options;
  if (!(await findKind(db, input.kind))) throw new AppError('reference_not_found', { field: 'kind' }, 'kind');
  if (input.ownerUnitId && !(await getUnit(db, input.ownerUnitId))) throw new AppError('reference_not_found', { field: 'ownerUnitId' }, 'ownerUnitId');
  if (await findDeviceByName(db, input.name)) throw new AppError('already_exists', { what: input.name }, 'name');
  const unitId = await placeOf(db, input, now);
  const token = newDeviceToken();
  return inTransaction(db, async (trx) => {
    const row = await insertDevice(trx, {
      kind_code: input.kind, name: input.name, lat: input.location?.lat ?? null, lon: input.location?.lon ?? null, unit_id: unitId,
      owner_unit_id: input.ownerUnitId, token_hash: sha256(token), token_prefix: token.slice(0, TOKEN_PREFIX_LENGTH), provisioned: options.provisioned ?? false,
      gateway_id: options.gatewayId ?? null, attributes: JSON.stringify(input.gateway ? { gateway: true } : {}),
      created_at: now, updated_at: now,
    });
    const [device] = await deviceViews(trx, [row], now);
    await recordAudit(trx, actor, { action: 'device.create', entity: 'device', entityId: Number(row.id), after: device }, request);
    return { device: device!, token };
  });
}

export async function changeDevice(options: { db: Db; actor: Actor; id: number; input: DeviceUpdate; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, input, now, request } = options;
  const before = await visibleDevice(db, actor, id);
  if (input.name && input.name !== before.name && (await findDeviceByName(db, input.name))) throw new AppError('already_exists', { what: input.name }, 'name');
  const moved = input.location !== undefined || input.unitId !== undefined;
  const unitId = moved ? await placeOf(db, { location: input.location ?? null, unitId: input.unitId }, now) : before.unit_id;
  if (input.ownerUnitId && !(await getUnit(db, input.ownerUnitId))) throw new AppError('reference_not_found', { field: 'ownerUnitId' }, 'ownerUnitId');
  if (input.ownerUnitId) await assertUnitInScope(db, actor, input.ownerUnitId, 'ownerUnitId');
  return inTransaction(db, async (trx) => {
    if (input.gateway !== undefined) await setGatewayFlag(trx, id, input.gateway);
    const row = (await updateDevice(trx, id, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.location !== undefined ? { lat: input.location?.lat ?? null, lon: input.location?.lon ?? null } : {}),
      unit_id: unitId, ...(input.ownerUnitId !== undefined ? { owner_unit_id: input.ownerUnitId } : {}), updated_at: now,
    }))!;
    const [device] = await deviceViews(trx, [row], now);
    await recordAudit(trx, actor, { action: 'device.update', entity: 'device', entityId: id, before, after: device }, request);
    return device!;
  });
}

/** Revokes a device's token: requests with it are refused and its MQTT connection is closed (within seconds, in every process). */
export async function revokeDevice(options: { db: Db; actor: Actor; id: number; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, now, request } = options;
  const before = await visibleDevice(db, actor, id);
  return inTransaction(db, async (trx) => {
    const row = before.revoked_at ? before : (await updateDevice(trx, id, { revoked_at: now, updated_at: now }))!;
    forgetToken(before.token_hash);
    const [device] = await deviceViews(trx, [row], now);
    if (!before.revoked_at) await recordAudit(trx, actor, { action: 'device.revoke', entity: 'device', entityId: id, before, after: device }, request);
    return device!;
  });
}

/** Gives a device a new token (a revoked one is thereby reinstated); the old token stops working at once. */
export async function replaceDeviceToken(options: { db: Db; actor: Actor; id: number; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, now, request } = options;
  const before = await visibleDevice(db, actor, id);
  const token = newDeviceToken();
  return inTransaction(db, async (trx) => {
    const row = (await updateDevice(trx, id, { token_hash: sha256(token), token_prefix: token.slice(0, TOKEN_PREFIX_LENGTH), revoked_at: null, updated_at: now }))!;
    forgetToken(before.token_hash);
    const [device] = await deviceViews(trx, [row], now);
    await recordAudit(trx, actor, { action: 'device.token', entity: 'device', entityId: id, before: { tokenPrefix: before.token_prefix }, after: { tokenPrefix: row.token_prefix } }, request);
    return { device: device!, token };
  });
}

/** Removes a device and its readings. */
export async function removeDevice(options: { db: Db; actor: Actor; id: number; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, now, request } = options;
  const before = await visibleDevice(db, actor, id);
  return inTransaction(db, async (trx) => {
    const [device] = await deviceViews(trx, [before], now);
    await trx.deleteFrom('telemetry').where('device_id', '=', id).execute();
    await trx.deleteFrom('telemetry_hourly').where('device_id', '=', id).execute();
    await trx.deleteFrom('telemetry_daily').where('device_id', '=', id).execute();
    await trx.deleteFrom('telemetry_nightly').where('device_id', '=', id).execute();
    await deleteDevice(trx, id);
    forgetToken(before.token_hash);
    await recordAudit(trx, actor, { action: 'device.delete', entity: 'device', entityId: id, before: device }, request);
    return device!;
  });
}
