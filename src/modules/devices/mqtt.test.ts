import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { startEmbeddedBroker, subscribeToBroker, writerFor } from './index.js';

let t: TestApp;
let admin: Session;
let ward: number;
let broker: Awaited<ReturnType<typeof startEmbeddedBroker>>;
const log = () => {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  ward = await unitId(t, '31507', '2025-07-01');
  broker = await startEmbeddedBroker({ db: t.database.db, writer: writerFor(t.database.db, t.database.kind), port: 0, host: '127.0.0.1', now: () => new Date(), log });
});
afterAll(async () => {
  await broker?.close();
  await t?.close();
});

const create = async (name: string) => (await admin.request({ method: 'POST', url: '/api/devices', payload: { kind: 'LIGHT_TRAP', name, unitId: ward } })).json() as { device: { id: number }; token: string };
const stored = (deviceId: number) => t.database.db.selectFrom('telemetry').select(['key', 'value']).where('device_id', '=', deviceId).orderBy('ts').execute();
const connect = (username: string, extra: mqtt.IClientOptions = {}) =>
  mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000, ...extra });

describe('telemetry over MQTT, through the embedded broker (MQTT 3.1.1)', () => {
  it('acknowledges a QoS 1 message only once its readings are committed, and stores a redelivery once', async () => {
    const { device, token } = await create('Bẫy đèn MQTT');
    const client = await connect(token);
    try {
      const ts = Date.parse('2026-11-21T13:00:00Z');
      await client.publishAsync('v1/devices/me/telemetry', JSON.stringify({ ts, values: { BPH: 140, WBPH: 9 } }), { qos: 1 });
      // The PUBACK came: the readings are there now, not later.
      expect(await stored(device.id)).toEqual([{ key: 'BPH', value: 140 }, { key: 'WBPH', value: 9 }]);
      await client.publishAsync('v1/devices/me/telemetry', JSON.stringify({ ts, values: { BPH: 140, WBPH: 9 } }), { qos: 1, dup: true });
      await client.publishAsync('v1/devices/me/telemetry', JSON.stringify([{ ts: ts - 3_600_000, values: { BPH: 60 } }]), { qos: 1 });
      expect((await stored(device.id)).map((r) => r.value)).toEqual([60, 140, 9]);
    } finally {
      await client.endAsync();
    }
  });

  it('refuses a connection with a wrong token, and keeps a device connected after a bad payload, counting it', async () => {
    await expect(connect('khong-phai-ma-that')).rejects.toThrow();
    const { device, token } = await create('Bẫy đèn MQTT lỗi');
    const client = await connect(token);
    try {
      await client.publishAsync('v1/devices/me/telemetry', '{"BPH": ', { qos: 1 });
      await client.publishAsync('v1/devices/me/telemetry', JSON.stringify({ salinity: 3 }), { qos: 1 });
      await client.publishAsync('v1/devices/other/telemetry', JSON.stringify({ BPH: 1 }), { qos: 1 });
      await client.publishAsync('v1/devices/me/telemetry', JSON.stringify({ BPH: 7 }), { qos: 1 });
      expect(client.connected).toBe(true);
      expect(await stored(device.id)).toEqual([{ key: 'BPH', value: 7 }]);
      await expect.poll(async () => (await admin.request({ method: 'GET', url: `/api/devices/${device.id}` })).json().badPayloads).toBe(3);
    } finally {
      await client.endAsync();
    }
  });

  it('disconnects a device whose token is revoked', async () => {
    const { device, token } = await create('Bẫy đèn MQTT thu hồi');
    const client = await connect(token);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await admin.request({ method: 'POST', url: `/api/devices/${device.id}/revoke` });
    await closed;
    await expect(connect(token)).rejects.toThrow();
    client.end(true);
  }, 15_000);

  it('provisions a device over MQTT with its kind key and secret', async () => {
    const { key, secret } = (await admin.request({ method: 'POST', url: '/api/device-kinds/LIGHT_TRAP/provisioning' })).json();
    const client = await connect('provision');
    try {
      const answer = new Promise<Record<string, string>>((resolve) => client.on('message', (_topic, payload) => resolve(JSON.parse(payload.toString()))));
      await client.subscribeAsync('/provision/response');
      await client.publishAsync('/provision/request', JSON.stringify({ deviceName: 'Bẫy đèn tự cấp phép', provisionDeviceKey: key, provisionDeviceSecret: secret }), { qos: 1 });
      const got = await answer;
      expect(got).toMatchObject({ status: 'SUCCESS', credentialsType: 'ACCESS_TOKEN' });
      const device = await connect(got.credentialsValue!);
      await device.publishAsync('v1/devices/me/telemetry', JSON.stringify({ BPH: 3 }), { qos: 1 });
      await device.endAsync();
    } finally {
      await client.endAsync();
    }
  });
});

// CI runs Mosquitto at 127.0.0.1:1883 and sets MQTT_URL; on a machine without a broker this part is skipped.
describe.skipIf(!process.env.MQTT_URL)('telemetry through a real broker (MQTT_URL, MQTT 5)', () => {
  it('is taken from a shared subscription, devices naming their token in the topic, in MQTT 5 and 3.1.1', async () => {
    const group = `test${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const subscriber = await subscribeToBroker({
      db: t.database.db, writer: writerFor(t.database.db, t.database.kind), url: process.env.MQTT_URL!, clientId: `tinhso-test-${group}`, group,
      sessionExpirySeconds: 60, now: () => new Date(), log,
    });
    try {
      const { device, token } = await create(`Bẫy đèn Mosquitto ${group}`);
      for (const protocolVersion of [5, 4] as const) {
        const client = await mqtt.connectAsync(process.env.MQTT_URL!, { protocolVersion, reconnectPeriod: 0 });
        await client.publishAsync(`v1/devices/${token}/telemetry`, JSON.stringify({ ts: Date.now() - protocolVersion * 1000, values: { BPH: protocolVersion } }), { qos: 1 });
        await client.endAsync();
      }
      await expect.poll(async () => (await stored(device.id)).map((r) => r.value).sort(), { timeout: 10_000 }).toEqual([4, 5]);
    } finally {
      await subscriber.close();
    }
  });
});
