import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { ingestAttributes } from './attributes.js';
import { parseTelemetry, unknownKeys, MAX_PAYLOAD_BYTES } from './payload.js';
import { deviceByName, findKind } from './repo.js';
import { createDevice } from './service.js';
import { tokenDevice, type TokenDevice } from './tokens.js';
import type { TelemetryWriter } from './writer.js';

// ThingsBoard's Gateway MQTT API: a gateway keeps one connection and speaks for the devices behind it, naming each.
// v1/gateway/connect {"device": "Name", "type": "LIGHT_TRAP"} registers a device on first sight (its kind from type,
// its commune and owner unit the gateway's, a token of its own); v1/gateway/telemetry {"Name": [{"ts", "values"}]}
// and v1/gateway/attributes {"Name": {...}} carry their messages. A child is the gateway's own: a name taken by a
// device the gateway did not register is refused. Each refusal counts against the device it concerns.

const ZName = z.string().trim().min(1).max(120);
const ZConnect = z.object({ device: ZName, type: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/).optional() });
const MAX_CHILDREN_PER_MESSAGE = 100;

// Children looked up by (gateway, name), kept for a few seconds like tokens.
const TTL_MS = 5000;
const children = new Map<string, { device: TokenDevice; until: number }>();

export type GatewayResult = { ok: true; readings: number } | { ok: false; reason: string };

/** The child of a gateway by name, registered when `kind` is given and it does not exist yet; a reason when refused. */
async function childDevice(db: Db, gateway: TokenDevice, name: string, kind: string | undefined, now: Date): Promise<TokenDevice | string> {
  const cacheKey = `${gateway.id}\u0000${name}`;
  const hit = children.get(cacheKey);
  if (hit && hit.until > Date.now()) return hit.device;
  let row = await deviceByName(db, name);
  if (!row && kind) {
    if (!(await findKind(db, kind))) return `gateway_kind: ${kind}`;
    try {
      await createDevice({
        db, actor: { kind: 'system', name: 'gateway' }, now, gatewayId: gateway.id,
        input: { kind, name, location: null, unitId: gateway.unitId, ownerUnitId: gateway.ownerUnitId },
      });
    } catch (err) {
      // Another message (or process) registered it meanwhile: it is read again below.
      if (!(err instanceof AppError)) throw err;
    }
    row = await deviceByName(db, name);
  }
  if (!row) return `gateway_unknown_device: ${name.slice(0, 60)}`;
  if (Number(row.gateway_id) !== gateway.id) return `gateway_device_taken: ${name.slice(0, 60)}`;
  if (row.revoked_at) return `gateway_device_revoked: ${name.slice(0, 60)}`;
  const device = tokenDevice(row);
  if (children.size > 50_000) children.clear();
  children.set(cacheKey, { device, until: Date.now() + TTL_MS });
  return device;
}

function parseJson(payload: unknown): { ok: true; body: unknown } | { ok: false; reason: string } {
  if (!Buffer.isBuffer(payload) && typeof payload !== 'string') return { ok: true, body: payload };
  if (payload.length > MAX_PAYLOAD_BYTES) return { ok: false, reason: 'payload_too_large' };
  try {
    return { ok: true, body: JSON.parse(payload.toString()) };
  } catch {
    return { ok: false, reason: 'malformed_json' };
  }
}

/** v1/gateway/connect (and disconnect, a no-op: the platform keeps no per-child session). */
export async function gatewayConnect(db: Db, writer: TelemetryWriter, gateway: TokenDevice, payload: unknown, now: Date): Promise<GatewayResult> {
  const json = parseJson(payload);
  const parsed = json.ok ? ZConnect.safeParse(json.body) : null;
  if (!parsed?.success) {
    const reason = `gateway_connect: ${json.ok ? 'invalid' : json.reason}`;
    writer.refuse(gateway.id, reason);
    return { ok: false, reason };
  }
  const child = await childDevice(db, gateway, parsed.data.device, parsed.data.type, now);
  if (typeof child === 'string') {
    writer.refuse(gateway.id, child);
    return { ok: false, reason: child };
  }
  return { ok: true, readings: 0 };
}

/** The devices named in a gateway message, each with its part; a reason when the message is refused whole. */
async function namedParts(db: Db, writer: TelemetryWriter, gateway: TokenDevice, payload: unknown, now: Date) {
  const json = parseJson(payload);
  const body = json.ok ? json.body : null;
  if (!json.ok || !body || typeof body !== 'object' || Array.isArray(body) || !Object.keys(body).length || Object.keys(body).length > MAX_CHILDREN_PER_MESSAGE) {
    const reason = `gateway: ${json.ok ? 'expected {"Device name": …} of 1 to 100 devices' : json.reason}`;
    writer.refuse(gateway.id, reason);
    return reason;
  }
  const parts: { device: TokenDevice; part: unknown }[] = [];
  for (const [name, part] of Object.entries(body as Record<string, unknown>)) {
    // Telemetry for a device not yet announced registers it as ThingsBoard does, of the kind its readings fit best:
    // here, only when announced. An unknown name is counted against the gateway.
    const child = ZName.safeParse(name).success ? await childDevice(db, gateway, name, undefined, now) : 'gateway_unknown_device';
    if (typeof child === 'string') writer.refuse(gateway.id, child);
    else parts.push({ device: child, part });
  }
  return parts;
}

/** v1/gateway/telemetry: each named device's readings stored as its own (resolved once all are committed). */
export async function gatewayTelemetry(db: Db, writer: TelemetryWriter, gateway: TokenDevice, payload: unknown, now: Date): Promise<GatewayResult> {
  const parts = await namedParts(db, writer, gateway, payload, now);
  if (typeof parts === 'string') return { ok: false, reason: parts };
  writer.touch(gateway.id);
  const writes: Promise<void>[] = [];
  let readings = 0;
  for (const { device, part } of parts) {
    const parsed = parseTelemetry(part, now);
    const unknown = parsed.ok ? unknownKeys(parsed.readings, device.keys) : [];
    if (!parsed.ok || unknown.length) {
      writer.refuse(device.id, parsed.ok ? `unknown_keys: ${unknown.slice(0, 5).join(', ')}` : parsed.reason);
      continue;
    }
    readings += parsed.readings.length;
    writes.push(writer.write(device.id, parsed.readings));
  }
  await Promise.all(writes);
  return { ok: true, readings };
}

/** v1/gateway/attributes: each named device's client-side attributes merged into its own. */
export async function gatewayAttributes(db: Db, writer: TelemetryWriter, gateway: TokenDevice, payload: unknown, now: Date): Promise<GatewayResult> {
  const parts = await namedParts(db, writer, gateway, payload, now);
  if (typeof parts === 'string') return { ok: false, reason: parts };
  for (const { device, part } of parts) await ingestAttributes(db, writer, device, part, now);
  return { ok: true, readings: 0 };
}
