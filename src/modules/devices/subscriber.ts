import os from 'node:os';
import type { Db } from '../../db/database.js';
import { deviceTopic, handleDeviceMessage, type DeviceTopic } from './dispatch.js';
import { deviceForToken } from './tokens.js';
import type { TelemetryWriter } from './writer.js';

// With MQTT_URL the platform does not run a broker: it subscribes to the province's (Mosquitto, EMQX…) with a shared
// subscription, so that N processes share the stream, and a persistent session, so that what arrives while a process
// is down waits for it. A broker does not tell a subscriber who published, so devices put their token in the topic:
// v1/devices/{token}/telemetry and v1/devices/{token}/attributes, and a gateway v1/gateway/{token}/connect,
// v1/gateway/{token}/telemetry and v1/gateway/{token}/attributes (the broker's ACLs keep each device to its own). The
// platform acknowledges each message to the broker only once it is committed.

/** The shared subscription of a group of processes: each message goes to one of them. */
export const sharedTopic = (group = 'tinhso') => `$share/${group}/v1/devices/+/telemetry`;
/** Every topic the group takes: devices' telemetry and attributes, and gateways'. */
export const sharedTopics = (group = 'tinhso') => [sharedTopic(group), `$share/${group}/v1/devices/+/attributes`, `$share/${group}/v1/gateway/+/+`];

/** v1/devices/{token}/telemetry → [token, telemetry]; v1/gateway/{token}/connect → [token, gateway/connect]. */
function tokenTopic(topic: string): [string, DeviceTopic | null] {
  const [v1, family, token = '', tail = '', ...rest] = topic.split('/');
  if (v1 !== 'v1' || rest.length) return [token, null];
  return [token, family === 'devices' ? deviceTopic(tail) : family === 'gateway' ? deviceTopic(`gateway/${tail}`) : null];
}

export interface BrokerSubscriber { close(): Promise<void> }

export async function subscribeToBroker(options: { db: Db; writer: TelemetryWriter; url: string; clientId?: string; group?: string; sessionExpirySeconds?: number; connections?: number; now: () => Date; log: (msg: string, extra?: object) => void }): Promise<BrokerSubscriber> {
  const { db, writer, now, log } = options;
  const mqtt = await import('mqtt');
  // mqtt.js takes a connection's messages one at a time, the next after the previous is acknowledged, and ours is
  // acknowledged after its commit: several connections in the group keep several messages committing together.
  const count = options.connections ?? 32;
  const base = options.clientId ?? `tinhso-${os.hostname()}-${process.pid}`;
  const clients = await Promise.all(Array.from({ length: count }, (_, i) => connectOne(`${base}-${i}`)));
  return { close: async () => void (await Promise.all(clients.map((c) => c.endAsync()))) };

  async function connectOne(clientId: string) {
    // The acknowledgement handler drops the connection it came on, which exists once connectAsync answers.
    const holder: { client?: import('mqtt').MqttClient } = {};
    const client = await mqtt.connectAsync(options.url, {
      protocolVersion: 5,
      clientId,
      clean: false,
      properties: { sessionExpiryInterval: options.sessionExpirySeconds ?? 24 * 3600 },
      reconnectPeriod: 1000,
      customHandleAcks: (topic, message, _packet, done) => {
        const [token, kind] = tokenTopic(topic);
        deviceForToken(db, token).then(async (device) => {
          if (!device) {
            log('a message for an unknown or revoked token dropped', { topic: `${topic.slice(0, 14)}…` });
            return done(0);
          }
          await handleDeviceMessage({ db, writer, device, topic: kind, rawTopic: topic.replace(token, '{token}'), payload: message, now: now() });
          done(0);
        }).catch((err: Error) => {
          // Not acknowledged, and the connection dropped: the broker redelivers it, after the reconnect or to another process.
          log('device message not stored', { err: err.message });
          holder.client?.stream.destroy();
        });
      },
    });
    holder.client = client;
    await client.subscribeAsync(sharedTopics(options.group), { qos: 1 });
    client.on('error', (err) => log('broker connection error', { err: err.message }));
    return client;
  }
}
