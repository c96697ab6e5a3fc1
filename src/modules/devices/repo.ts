import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DeviceKeyColumns, DeviceTable } from '../../db/schema.js';

// The SQL of device_kind and device.

export type DeviceRow = Selectable<DeviceTable>;
export interface KindRow { code: string; name_vi: string; name_en: string; keys: DeviceKeyColumns[]; interval_seconds: number; provision_key: string | null; provision_secret_hash: string | null }

/** New kinds are added; a kind an administrator changed keeps its changes. */
export async function seedKinds(db: Db, rows: { code: string; name_vi: string; name_en: string; keys: string; interval_seconds: number; sort: number }[]) {
  if (rows.length) await db.insertInto('device_kind').values(rows).onConflict((oc) => oc.column('code').doNothing()).execute();
}

const kindColumns = ['code', 'name_vi', 'name_en', 'keys', 'interval_seconds', 'provision_key', 'provision_secret_hash'] as const;
export const listKinds = (db: Db): Promise<KindRow[]> => db.selectFrom('device_kind').select(kindColumns).orderBy('sort').orderBy('code').execute();
export const findKind = (db: Db, code: string): Promise<KindRow | undefined> => db.selectFrom('device_kind').select(kindColumns).where('code', '=', code).executeTakeFirst();
export const findKindByProvisionKey = (db: Db, key: string): Promise<KindRow | undefined> =>
  db.selectFrom('device_kind').select(kindColumns).where('provision_key', '=', key).executeTakeFirst();
export const setProvisioning = (db: Db, code: string, key: string | null, secretHash: string | null) =>
  db.updateTable('device_kind').set({ provision_key: key, provision_secret_hash: secretHash }).where('code', '=', code).execute();

export const insertDevice = async (db: Db, row: Insertable<DeviceTable>) => (await db.insertInto('device').values(row).returningAll().executeTakeFirstOrThrow());
export const updateDevice = (db: Db, id: number, patch: Partial<Insertable<DeviceTable>>) =>
  db.updateTable('device').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
export const deleteDevice = (db: Db, id: number) => db.deleteFrom('device').where('id', '=', id).execute();
export const getDevice = (db: Db, id: number) => db.selectFrom('device').selectAll().where('id', '=', id).executeTakeFirst();
export const findDeviceByName = (db: Db, name: string) => db.selectFrom('device').selectAll().where('name', '=', name).executeTakeFirst();

export function listDevices(db: Db, q: { units: number[] | null; kind?: string; limit: number; offset: number }) {
  let query = db.selectFrom('device').selectAll();
  if (q.units) query = query.where((eb) => eb.or([eb('unit_id', 'in', q.units!.length ? q.units! : [-1]), eb('owner_unit_id', 'in', q.units!.length ? q.units! : [-1])]));
  if (q.kind) query = query.where('kind_code', '=', q.kind);
  return query.orderBy('name').limit(q.limit).offset(q.offset).execute();
}

const ingestColumns = ['d.id', 'd.name', 'd.kind_code', 'd.revoked_at', 'd.unit_id', 'd.owner_unit_id', 'd.gateway_id', 'd.attributes', 'k.keys'] as const;

/** The device a token opens, revoked or not (the caller says which it accepts). */
export const deviceByTokenHash = (db: Db, hash: string) =>
  db.selectFrom('device as d').innerJoin('device_kind as k', 'k.code', 'd.kind_code').select(ingestColumns).where('d.token_hash', '=', hash).executeTakeFirst();

/** An administrator marks a device a gateway, or no longer one. */
export const setGatewayFlag = (db: Db, id: number, gateway: boolean) =>
  db.updateTable('device').set({ attributes: sql<string>`attributes || ${JSON.stringify({ gateway })}::jsonb` }).where('id', '=', id).execute();

/** A device by its name, as a gateway names the devices behind it. */
export const deviceByName = (db: Db, name: string) =>
  db.selectFrom('device as d').innerJoin('device_kind as k', 'k.code', 'd.kind_code').select(ingestColumns).where('d.name', '=', name).executeTakeFirst();

/**
 * Merges client-side attributes into a device's, unless the result would hold more than `max` keys: answers whether
 * they were merged. One statement, so two messages of the same device never lose each other's keys.
 */
export async function mergeAttributes(db: Db, id: number, attributes: Record<string, unknown>, max: number, now: Date): Promise<boolean> {
  const json = JSON.stringify(attributes);
  const row = await db.updateTable('device')
    .set({ attributes: sql<string>`attributes || ${json}::jsonb`, last_seen_at: sql<Date>`greatest(last_seen_at, ${now.toISOString()}::timestamptz)` })
    .where('id', '=', id).where(sql<boolean>`(SELECT count(*) FROM jsonb_object_keys(attributes || ${json}::jsonb)) <= ${max}`)
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

/** Of the devices given, those revoked or removed: the connections the broker must close. */
export async function revokedAmong(db: Db, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const live = await db.selectFrom('device').select('id').where('id', 'in', ids).where('revoked_at', 'is', null).execute();
  const alive = new Set(live.map((r) => Number(r.id)));
  return ids.filter((id) => !alive.has(id));
}
