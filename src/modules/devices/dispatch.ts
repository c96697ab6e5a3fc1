import type { Db } from '../../db/database.js';
import { ingestAttributes } from './attributes.js';
import { gatewayAttributes, gatewayConnect, gatewayTelemetry } from './gateway.js';
import { ingestTelemetry } from './ingest.js';
import type { TokenDevice } from './tokens.js';
import type { TelemetryWriter } from './writer.js';

/**
 * What a device's MQTT message is, whichever broker brought it: the topic's tail after v1/devices/me/ (or
 * v1/devices/{token}/) is "telemetry" or "attributes", after v1/gateway/ (or v1/gateway/{token}/) it is prefixed
 * "gateway/". Null for a topic the platform does not take.
 */
export type DeviceTopic = 'telemetry' | 'attributes' | 'gateway/connect' | 'gateway/disconnect' | 'gateway/telemetry' | 'gateway/attributes';
const TOPICS = new Set<string>(['telemetry', 'attributes', 'gateway/connect', 'gateway/disconnect', 'gateway/telemetry', 'gateway/attributes']);
export const deviceTopic = (tail: string): DeviceTopic | null => (TOPICS.has(tail) ? (tail as DeviceTopic) : null);

/**
 * Handles one message; resolves once what it carried is committed (its QoS 1 acknowledgement may go then) and
 * rejects when the commit failed (no acknowledgement: the message comes again). A refused message resolves: it is
 * counted against its device, and a resend would be refused the same.
 */
export async function handleDeviceMessage(options: { db: Db; writer: TelemetryWriter; device: TokenDevice; topic: DeviceTopic | null; rawTopic: string; payload: Buffer; now: Date }): Promise<void> {
  const { db, writer, device, topic, payload, now } = options;
  if (topic === null || (topic.startsWith('gateway/') && !device.gateway)) {
    writer.refuse(device.id, topic === null ? `topic: ${options.rawTopic.slice(0, 100)}` : `not_a_gateway: ${topic}`);
    return;
  }
  if (topic === 'telemetry') await ingestTelemetry(writer, device, payload, now);
  else if (topic === 'attributes') await ingestAttributes(db, writer, device, payload, now);
  else if (topic === 'gateway/connect') await gatewayConnect(db, writer, device, payload, now);
  else if (topic === 'gateway/telemetry') await gatewayTelemetry(db, writer, device, payload, now);
  else if (topic === 'gateway/attributes') await gatewayAttributes(db, writer, device, payload, now);
}
