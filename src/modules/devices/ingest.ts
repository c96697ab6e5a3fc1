import { parseTelemetry, unknownKeys } from './payload.js';
import type { TokenDevice } from './tokens.js';
import type { TelemetryWriter } from './writer.js';

export type IngestResult = { ok: true; readings: number } | { ok: false; reason: string };

/**
 * One telemetry message of a device, from MQTT or HTTP: parsed, checked against the keys its kind measures, and
 * stored through the writer (resolved once committed). A bad message is refused whole and counted against the
 * device, so the administrator sees it; it never holds up the other messages.
 */
export async function ingestTelemetry(writer: TelemetryWriter, device: TokenDevice, payload: unknown, receivedAt: Date): Promise<IngestResult> {
  const parsed = parseTelemetry(payload, receivedAt);
  if (!parsed.ok) {
    writer.refuse(device.id, parsed.reason);
    return parsed;
  }
  const unknown = unknownKeys(parsed.readings, device.keys);
  if (unknown.length) {
    const reason = `unknown_keys: ${unknown.slice(0, 5).join(', ')}`;
    writer.refuse(device.id, reason);
    return { ok: false, reason };
  }
  await writer.write(device.id, parsed.readings);
  return { ok: true, readings: parsed.readings.length };
}
