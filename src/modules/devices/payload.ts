import { z } from 'zod';

// What devices send, in ThingsBoard's shapes: flat {"key": value}, {"ts": ms, "values": {...}}, or an array of either.
// A value is a number (or a boolean, stored 1/0); text values are a device's attributes, not telemetry.

export interface Reading { key: string; ts: Date; value: number }

const ZKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/);
const ZValue = z.union([z.number().finite(), z.boolean()]);
const ZValues = z.record(ZKey, ZValue).refine((v) => Object.keys(v).length > 0 && Object.keys(v).length <= 100, { message: 'values_1_to_100' });
/** Milliseconds since 1970 within the years a database stores; a device's clock off by centuries is refused. */
const ZTs = z.number().int().min(946_684_800_000).max(4_102_444_800_000);
const ZTimed = z.object({ ts: ZTs, values: ZValues }).strict();
const ZEntry = z.union([ZTimed, ZValues]);
export const ZTelemetry = z.union([ZEntry, z.array(ZEntry).min(1).max(1000)]);

export const MAX_PAYLOAD_BYTES = 256 * 1024;

export type ParseResult = { ok: true; readings: Reading[] } | { ok: false; reason: string };

/** The readings of a telemetry message, each with its time (the arrival time when the device gave none). */
export function parseTelemetry(payload: Buffer | string | unknown, receivedAt: Date): ParseResult {
  let body = payload;
  if (Buffer.isBuffer(payload) || typeof payload === 'string') {
    if (payload.length > MAX_PAYLOAD_BYTES) return { ok: false, reason: 'payload_too_large' };
    try {
      body = JSON.parse(payload.toString());
    } catch {
      return { ok: false, reason: 'malformed_json' };
    }
  }
  const parsed = ZTelemetry.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim().slice(0, 200) };
  }
  const entries = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const readings: Reading[] = [];
  for (const entry of entries) {
    const timed = 'ts' in entry && 'values' in entry && typeof entry.ts === 'number' && typeof entry.values === 'object';
    const ts = timed ? new Date(entry.ts as number) : receivedAt;
    const values = (timed ? entry.values : entry) as Record<string, number | boolean>;
    for (const [key, v] of Object.entries(values)) readings.push({ key, ts, value: typeof v === 'boolean' ? Number(v) : v });
  }
  return { ok: true, readings };
}

/** Readings whose keys the device's kind does not measure: the message is refused whole, never stored in part. */
export function unknownKeys(readings: Reading[], known: ReadonlySet<string>): string[] {
  return [...new Set(readings.filter((r) => !known.has(r.key)).map((r) => r.key))];
}
