import { sha256 } from '../../core/auth/index.js';
import type { Db } from '../../db/database.js';
import { deviceByTokenHash } from './repo.js';

/** What ingest needs of the device a token opens. */
export interface TokenDevice {
  id: number; name: string; kind: string; keys: ReadonlySet<string>;
  /** It speaks for devices behind it (ThingsBoard's gateway): of kind GATEWAY, or marked so by an administrator. */
  gateway: boolean;
  unitId: number | null; ownerUnitId: number | null; gatewayId: number | null;
}

export const GATEWAY_KIND = 'GATEWAY';

type IngestRow = NonNullable<Awaited<ReturnType<typeof deviceByTokenHash>>>;

export function tokenDevice(row: IngestRow): TokenDevice {
  const attributes = (typeof row.attributes === 'string' ? JSON.parse(row.attributes) : row.attributes) as Record<string, unknown>;
  return {
    id: Number(row.id), name: row.name, kind: row.kind_code, keys: new Set(row.keys.map((k) => k.key)),
    gateway: row.kind_code === GATEWAY_KIND || attributes?.gateway === true,
    unitId: row.unit_id === null ? null : Number(row.unit_id), ownerUnitId: row.owner_unit_id === null ? null : Number(row.owner_unit_id),
    gatewayId: row.gateway_id === null ? null : Number(row.gateway_id),
  };
}

// Each process keeps what a token opens for a few seconds: a device posting every second costs no lookup, and a
// token revoked in another process stops working within that time (in this one, at once: forgetToken).
const TTL_MS = 5000;
const cache = new Map<string, { device: TokenDevice | null; until: number }>();

export function forgetToken(hash: string): void {
  cache.delete(hash);
}

/** The live device a token opens, or null (unknown or revoked). */
export async function deviceForToken(db: Db, token: string): Promise<TokenDevice | null> {
  const hash = sha256(token);
  const hit = cache.get(hash);
  if (hit && hit.until > Date.now()) return hit.device;
  const row = await deviceByTokenHash(db, hash);
  const device = row && !row.revoked_at ? tokenDevice(row) : null;
  if (cache.size > 50_000) cache.clear();
  cache.set(hash, { device, until: Date.now() + TTL_MS });
  return device;
}
