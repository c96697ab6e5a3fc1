import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { mergeAttributes } from './repo.js';
import type { TokenDevice } from './tokens.js';
import type { TelemetryWriter } from './writer.js';

// Client-side attributes (ThingsBoard's v1/devices/me/attributes and POST /api/v1/{token}/attributes): what a device
// says about itself — firmware, lamp colour, serial number — merged into device.attributes and shown with the device.
// One rule with telemetry: a reading is a number (or true/false) and goes to telemetry, where text is refused; text
// is an attribute, flat {"name": text | number | true/false}, never a series.

export const MAX_ATTRIBUTE_BYTES = 8 * 1024;
/** The most attributes one device keeps. */
export const MAX_ATTRIBUTES = 100;
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;
/** Set by an administrator (it lets a device speak for others), never by the device itself. */
export const RESERVED_ATTRIBUTES = new Set(['gateway']);

export const ZAttributeValue = z.union([z.string().max(200, { error: 'attribute_value' }), z.number().finite(), z.boolean()], { error: 'attribute_value' });
export const ZAttributes = z.record(z.string(), ZAttributeValue, { error: 'attributes_object' })
  .refine((v) => Object.keys(v).every((k) => KEY.test(k)), { message: 'attribute_key' })
  .refine((v) => Object.keys(v).length >= 1 && Object.keys(v).length <= 50, { message: 'attributes_1_to_50' })
  .refine((v) => !Object.keys(v).some((k) => RESERVED_ATTRIBUTES.has(k)), { message: 'attribute_reserved' });
export type Attributes = z.infer<typeof ZAttributes>;
const REASONS = new Set(['attribute_value', 'attributes_object', 'attribute_key', 'attributes_1_to_50', 'attribute_reserved']);

/** Why attributes were refused: a key of ISSUE_MESSAGES (worded in both languages), with the attribute when one is to blame. */
export type AttributeResult = { ok: true; attributes: Attributes } | { ok: false; reason: string; key?: string };

export function parseAttributes(payload: unknown): AttributeResult {
  let body = payload;
  if (Buffer.isBuffer(payload) || typeof payload === 'string') {
    if (payload.length > MAX_ATTRIBUTE_BYTES) return { ok: false, reason: 'attributes_too_large' };
    try {
      body = JSON.parse(payload.toString());
    } catch {
      return { ok: false, reason: 'attributes_object' };
    }
  } else if (JSON.stringify(payload ?? null).length > MAX_ATTRIBUTE_BYTES) return { ok: false, reason: 'attributes_too_large' };
  const parsed = ZAttributes.safeParse(body);
  if (parsed.success) return { ok: true, attributes: parsed.data };
  const issue = parsed.error.issues[0];
  const key = issue?.path.map(String).join('.');
  const reason = issue && REASONS.has(issue.message) ? issue.message : key ? 'attribute_value' : 'attributes_object';
  return { ok: false, reason, ...(key ? { key } : {}) };
}

/**
 * A device's attributes, from MQTT or HTTP: merged once valid (resolved after the commit, so a QoS 1 message is
 * acknowledged then); refused whole and counted against the device otherwise.
 */
export async function ingestAttributes(db: Db, writer: TelemetryWriter, device: Pick<TokenDevice, 'id'>, payload: unknown, now: Date): Promise<AttributeResult> {
  const parsed = parseAttributes(payload);
  if (parsed.ok && !(await mergeAttributes(db, device.id, parsed.attributes, MAX_ATTRIBUTES, now))) {
    writer.refuse(device.id, 'attributes: attributes_at_most_100');
    return { ok: false, reason: 'attributes_at_most_100' };
  }
  if (!parsed.ok) writer.refuse(device.id, `attributes: ${parsed.reason}${parsed.key ? ` (${parsed.key.slice(0, 60)})` : ''}`);
  return parsed;
}
