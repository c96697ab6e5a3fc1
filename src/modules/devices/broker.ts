import net from 'node:net';
import type { Db } from '../../db/database.js';
import { deviceTopic, handleDeviceMessage } from './dispatch.js';
import { provisionOverMqtt } from './provision.js';
import { revokedAmong } from './repo.js';
import { deviceForToken, type TokenDevice } from './tokens.js';
import type { TelemetryWriter } from './writer.js';

// The embedded MQTT broker (aedes, MQTT 3.1.1) on a port of its own: devices connect with their access token as the
// username (ThingsBoard's convention) and publish to v1/devices/me/telemetry and v1/devices/me/attributes, gateways
// to v1/gateway/{connect,telemetry,attributes}; a QoS 1 message is acknowledged only when it is committed. Provisioning: username "provision", publish to /provision/request, answer on
// /provision/response.

/** v1/devices/me/telemetry → telemetry, v1/gateway/connect → gateway/connect (dispatch.ts). */
const topicOf = (topic: string) =>
  topic.startsWith('v1/devices/me/') ? deviceTopic(topic.slice(14)) : topic.startsWith('v1/gateway/') ? deviceTopic(`gateway/${topic.slice(11)}`) : null;
const REVOCATION_CHECK_MS = 3000;

export interface EmbeddedBroker { port: number; close(): Promise<void>; connectedDevices(): number }

export async function startEmbeddedBroker(options: { db: Db; writer: TelemetryWriter; port: number; host?: string; now: () => Date; log: (msg: string, extra?: object) => void }): Promise<EmbeddedBroker> {
  const { db, writer, now, log } = options;
  const { Aedes } = await import('aedes');
  const broker = await Aedes.createBroker({ heartbeatInterval: 600_000 });
  const devices = new Map<string, TokenDevice>();

  broker.authenticate = (client, username, _password, done) => {
    if (username === 'provision') return done(null, true);
    if (!username) return done(Object.assign(new Error('no token'), { returnCode: 4 }), false);
    deviceForToken(db, username).then((device) => {
      if (!device) return done(Object.assign(new Error('unknown or revoked token'), { returnCode: 4 }), false);
      devices.set(client.id, device);
      done(null, true);
    }, (err: Error) => done(Object.assign(err, { returnCode: 3 }), false));
  };

  broker.authorizePublish = (client, packet, done) => {
    if (!client) return done(null);
    const device = devices.get(client.id);
    if (packet.topic === '/provision/request' && !device) {
      provisionOverMqtt({ db, payload: Buffer.from(packet.payload), now: now() }).then((answer) => {
        client.publish({ cmd: 'publish', topic: '/provision/response', payload: Buffer.from(JSON.stringify(answer)), qos: 0, retain: false, dup: false }, () => {});
        done(null);
      }, () => done(null));
      return;
    }
    if (!device) return done(null);
    // A device publishes its telemetry and attributes, a gateway those of the devices behind it too; anything else is
    // dropped (and counted), the connection kept. The acknowledgement waits for the commit; a failed commit closes the
    // connection, and the device resends.
    handleDeviceMessage({ db, writer, device, topic: topicOf(packet.topic), rawTopic: packet.topic, payload: Buffer.from(packet.payload), now: now() })
      .then(() => done(null), (err: Error) => done(err));
  };
  // Devices do not listen to each other's telemetry: only the provisioning answer may be subscribed to.
  broker.authorizeSubscribe = (client, sub, done) => done(null, !devices.has(client.id) && sub.topic === '/provision/response' ? sub : null);
  broker.on('clientDisconnect', (client) => devices.delete(client.id));

  // A token revoked in any process closes its connection here within seconds.
  const check = setInterval(() => {
    const ids = [...new Set([...devices.values()].map((d) => d.id))];
    revokedAmong(db, ids).then((revoked) => {
      if (!revoked.length) return;
      const gone = new Set(revoked);
      for (const [clientId, device] of devices) {
        if (!gone.has(device.id)) continue;
        devices.delete(clientId);
        const client = (broker as unknown as { clients: Record<string, { close(): void }> }).clients[clientId];
        client?.close();
        log('device disconnected: token revoked', { device: device.id });
      }
    }, (err: Error) => log('revocation check failed', { err: err.message }));
  }, REVOCATION_CHECK_MS);
  check.unref();

  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    connectedDevices: () => devices.size,
    async close() {
      clearInterval(check);
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
