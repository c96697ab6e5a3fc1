import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { startEmbeddedBroker, subscribeToBroker, writerFor } from './index.js';

// ThingsBoard's Gateway MQTT API: a gateway announces the devices behind it and sends their readings in one message.

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

const create = async (name: string, kind: string, over: Record<string, unknown> = {}) => {
  const res = await admin.request({ method: 'POST', url: '/api/devices', payload: { kind, name, unitId: ward, ...over } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { device: { id: number }; token: string };
};
const byName = (name: string) => t.database.db.selectFrom('device').selectAll().where('name', '=', name).executeTakeFirst();
const stored = (deviceId: number) => t.database.db.selectFrom('telemetry').select(['key', 'value']).where('device_id', '=', deviceId).orderBy('ts').orderBy('key').execute();
const view = async (id: number) => (await admin.request({ method: 'GET', url: `/api/devices/${id}` })).json();
const connect = (username: string) => mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000 });

describe('gateways through the embedded broker', () => {
  it('registers the devices a gateway announces under it and stores their readings once, acknowledged after the commit', async () => {
    const { device: gateway, token } = await create('Cổng LoRa Phường 1', 'GATEWAY', { ownerUnitId: ward });
    const client = await connect(token);
    try {
      await client.publishAsync('v1/gateway/connect', JSON.stringify({ device: 'Bẫy sau cổng 1', type: 'LIGHT_TRAP' }), { qos: 1 });
      await client.publishAsync('v1/gateway/connect', JSON.stringify({ device: 'Trạm mặn sau cổng 1', type: 'SALINITY_STATION' }), { qos: 1 });
      const trap = (await byName('Bẫy sau cổng 1'))!;
      const station = (await byName('Trạm mặn sau cổng 1'))!;
      expect(trap).toMatchObject({ kind_code: 'LIGHT_TRAP', unit_id: ward, owner_unit_id: ward });
      expect(Number(trap.gateway_id)).toBe(gateway.id);
      expect(station.kind_code).toBe('SALINITY_STATION');
      // Each has a token of its own, distinct from the gateway's.
      expect(trap.token_hash).not.toBe(station.token_hash);
      expect((await view(Number(trap.id))).gatewayId).toBe(gateway.id);

      const ts = Date.parse('2026-11-21T13:00:00Z');
      const message = JSON.stringify({ 'Bẫy sau cổng 1': [{ ts, values: { BPH: 12, WBPH: 3 } }], 'Trạm mặn sau cổng 1': [{ ts, values: { salinity: 4.2 } }, { ts: ts + 900_000, values: { salinity: 4.5 } }] });
      await client.publishAsync('v1/gateway/telemetry', message, { qos: 1 });
      // The PUBACK came: the readings are there now.
      expect(await stored(Number(trap.id))).toEqual([{ key: 'BPH', value: 12 }, { key: 'WBPH', value: 3 }]);
      expect((await stored(Number(station.id))).map((r) => r.value)).toEqual([4.2, 4.5]);
      // The gateway is seen when it speaks for others.
      expect((await view(gateway.id)).lastSeenAt).not.toBeNull();
      // A redelivery is stored once, and counted once in the aggregates.
      await client.publishAsync('v1/gateway/telemetry', message, { qos: 1, dup: true });
      expect(await stored(Number(trap.id))).toHaveLength(2);
      const hourly = await t.database.db.selectFrom('telemetry_hourly').select(['n']).where('device_id', '=', Number(station.id)).execute();
      expect(hourly.reduce((s, h) => s + h.n, 0)).toBe(2);

      // A bad part is refused and counted against its own device; the rest of the message is stored.
      await client.publishAsync('v1/gateway/telemetry', JSON.stringify({ 'Bẫy sau cổng 1': [{ ts: ts + 3_600_000, values: { salinity: 1 } }], 'Trạm mặn sau cổng 1': { ts: ts + 3_600_000, values: { salinity: 5 } } }), { qos: 1 });
      expect((await stored(Number(station.id))).map((r) => r.value)).toEqual([4.2, 4.5, 5]);
      await expect.poll(async () => (await view(Number(trap.id))).badPayloads).toBe(1);
      expect((await view(Number(trap.id))).lastBadReason).toBe('unknown_keys: salinity');

      // Names never announced, and an announced kind that does not exist, count against the gateway.
      await client.publishAsync('v1/gateway/telemetry', JSON.stringify({ 'Không ai biết': { BPH: 1 } }), { qos: 1 });
      await client.publishAsync('v1/gateway/connect', JSON.stringify({ device: 'Lạ', type: 'NO_SUCH_KIND' }), { qos: 1 });
      await client.publishAsync('v1/gateway/telemetry', '{"x": ', { qos: 1 });
      await expect.poll(async () => (await view(gateway.id)).badPayloads).toBe(3);
      expect(client.connected).toBe(true);
      // The gateway's own telemetry goes as any device's.
      await client.publishAsync('v1/devices/me/telemetry', JSON.stringify({ battery: 88 }), { qos: 1 });
      expect(await stored(gateway.id)).toEqual([{ key: 'battery', value: 88 }]);
    } finally {
      await client.endAsync();
    }
  });

  it('refuses the gateway topics to a device that is no gateway, and a name another gateway does not own', async () => {
    const { device: trap, token } = await create('Bẫy thường 1', 'LIGHT_TRAP');
    const client = await connect(token);
    try {
      await client.publishAsync('v1/gateway/connect', JSON.stringify({ device: 'Con của bẫy', type: 'LIGHT_TRAP' }), { qos: 1 });
      expect(await byName('Con của bẫy')).toBeUndefined();
      await expect.poll(async () => (await view(trap.id)).lastBadReason).toBe('not_a_gateway: gateway/connect');
    } finally {
      await client.endAsync();
    }
    // A device an administrator marks a gateway may announce others, but not write for a device it did not register.
    const { device: marked, token: markedToken } = await create('Trạm làm cổng', 'WEATHER_STATION', { gateway: true });
    expect((await view(marked.id)).attributes).toEqual({ gateway: true });
    const gw = await connect(markedToken);
    try {
      await gw.publishAsync('v1/gateway/connect', JSON.stringify({ device: 'Bẫy thường 1', type: 'LIGHT_TRAP' }), { qos: 1 });
      await gw.publishAsync('v1/gateway/telemetry', JSON.stringify({ 'Bẫy thường 1': { BPH: 99 } }), { qos: 1 });
      expect(await stored(trap.id)).toEqual([]);
      await expect.poll(async () => (await view(marked.id)).lastBadReason).toBe('gateway_device_taken: Bẫy thường 1');
    } finally {
      await gw.endAsync();
    }
  });
});

// CI runs Mosquitto at 127.0.0.1:1883 and sets MQTT_URL; on a machine without a broker this part is skipped.
describe.skipIf(!process.env.MQTT_URL)('gateways through a real broker (MQTT_URL)', () => {
  it('takes v1/gateway/{token}/connect and v1/gateway/{token}/telemetry from the shared subscription', async () => {
    const group = `gw${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const subscriber = await subscribeToBroker({
      db: t.database.db, writer: writerFor(t.database.db, t.database.kind), url: process.env.MQTT_URL!, clientId: `tinhso-test-${group}`, group,
      sessionExpirySeconds: 60, connections: 2, now: () => new Date(), log,
    });
    try {
      const { device: gateway, token } = await create(`Cổng Mosquitto ${group}`, 'GATEWAY');
      const child = `Bẫy Mosquitto ${group}`;
      const client = await mqtt.connectAsync(process.env.MQTT_URL!, { protocolVersion: 5, reconnectPeriod: 0 });
      await client.publishAsync(`v1/gateway/${token}/connect`, JSON.stringify({ device: child, type: 'LIGHT_TRAP' }), { qos: 1 });
      await expect.poll(async () => (await byName(child))?.gateway_id, { timeout: 10_000 }).toBeTruthy();
      const ts = Date.now() - 60_000;
      const message = JSON.stringify({ [child]: [{ ts, values: { BPH: 21 } }] });
      await client.publishAsync(`v1/gateway/${token}/telemetry`, message, { qos: 1 });
      await client.publishAsync(`v1/gateway/${token}/telemetry`, message, { qos: 1 });
      await client.publishAsync(`v1/devices/${token}/attributes`, JSON.stringify({ firmware: 'gw-2.0' }), { qos: 1 });
      await client.endAsync();
      const id = Number((await byName(child))!.id);
      await expect.poll(async () => await stored(id), { timeout: 10_000 }).toEqual([{ key: 'BPH', value: 21 }]);
      expect(Number((await byName(child))!.gateway_id)).toBe(gateway.id);
      await expect.poll(async () => (await view(gateway.id)).attributes, { timeout: 10_000 }).toEqual({ firmware: 'gw-2.0' });
      // The second copy was a redelivery to the store: still one reading.
      expect(await stored(id)).toHaveLength(1);
    } finally {
      await subscriber.close();
    }
  });
});
