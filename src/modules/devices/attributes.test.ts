import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { startEmbeddedBroker, writerFor } from './index.js';

// Client-side attributes (ThingsBoard's): what a device says about itself, over MQTT and HTTP.

let t: TestApp;
let admin: Session;
let ward: number;
let broker: Awaited<ReturnType<typeof startEmbeddedBroker>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  ward = await unitId(t, '31507', '2025-07-01');
  broker = await startEmbeddedBroker({ db: t.database.db, writer: writerFor(t.database.db, t.database.kind), port: 0, host: '127.0.0.1', now: () => new Date(), log: () => {} });
});
afterAll(async () => {
  await broker?.close();
  await t?.close();
});

const create = async (name: string) => (await admin.request({ method: 'POST', url: '/api/devices', payload: { kind: 'LIGHT_TRAP', name, unitId: ward } })).json() as { device: { id: number }; token: string };
const post = (token: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1/${token}/attributes`, payload: payload as object, headers: { 'content-type': 'application/json' }, remoteAddress: nextLoopback() });
const view = async (id: number) => (await admin.request({ method: 'GET', url: `/api/devices/${id}` })).json();

describe('device attributes', () => {
  it('are merged from MQTT and HTTP into the device and shown with it; text is an attribute, not a reading', async () => {
    const { device, token } = await create('Bẫy đèn thuộc tính');
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: token, protocolVersion: 4, reconnectPeriod: 0 });
    try {
      await client.publishAsync('v1/devices/me/attributes', JSON.stringify({ firmware: '1.4.2', lampColour: 'tím', lampWatts: 20 }), { qos: 1 });
      // Acknowledged after the commit: already there.
      expect((await view(device.id)).attributes).toEqual({ firmware: '1.4.2', lampColour: 'tím', lampWatts: 20 });
      await client.publishAsync('v1/devices/me/attributes', '{"firmware": ', { qos: 1 });
      // Text in telemetry stays refused, as payload.ts says: it belongs in the attributes.
      await client.publishAsync('v1/devices/me/telemetry', JSON.stringify({ firmware: '1.5.0' }), { qos: 1 });
      await expect.poll(async () => (await view(device.id)).badPayloads).toBe(2);
    } finally {
      await client.endAsync();
    }
    const res = await post(token, { firmware: '1.5.0', solar: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ attributes: 2 });
    const after = await view(device.id);
    expect(after.attributes).toEqual({ firmware: '1.5.0', lampColour: 'tím', lampWatts: 20, solar: true });
    const list = (await admin.request({ method: 'GET', url: '/api/devices?kind=LIGHT_TRAP' })).json() as { id: number; attributes: object }[];
    expect(list.find((d) => d.id === device.id)?.attributes).toEqual(after.attributes);
  });

  it('refuses bad attributes whole, in both languages, naming what is wrong, and counts them against the device', async () => {
    const { device, token } = await create('Bẫy đèn thuộc tính sai');
    expect((await post('khong-phai-ma-that', { firmware: '1' })).statusCode).toBe(401);
    const cases: [unknown, string, RegExp][] = [
      [{ nested: { a: 1 } }, 'nested', /a text \(at most 200 characters\), a number or true\/false/],
      [{ firmware: 'x'.repeat(201) }, 'firmware', /a text \(at most 200 characters\)/],
      [{ 'bad key': 1 }, '', /an attribute name starts with a letter/],
      [{}, '', /from 1 to 50 attributes/],
      [[1, 2], '', /one JSON object/],
      [{ gateway: true }, '', /set by an administrator/],
      [{ big: 'x'.repeat(150), ...Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'y'.repeat(190)])) }, '', /exceed 8 kB/],
    ];
    for (const [payload, field, words] of cases) {
      const res = await post(token, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('attributes_refused');
      expect(error.messages.en).toMatch(words);
      expect(error.messages.vi).toContain('không thuộc tính nào của lần gửi này được lưu');
      expect(error.messages.vi).not.toMatch(/[a-z]+ [a-z]+ [a-z]+ (text|number|attribute)/);
      if (field) expect(error.field).toBe(field);
    }
    expect((await view(device.id)).attributes).toEqual({});
    await expect.poll(async () => (await view(device.id)).badPayloads).toBe(cases.length);
    expect((await view(device.id)).lastBadReason).toBe('attributes: attributes_too_large');
    // A device keeps at most 100 attributes.
    const fifty = (from: number) => Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`a${from + i}`, i]));
    expect((await post(token, fifty(0))).statusCode).toBe(200);
    expect((await post(token, fifty(50))).statusCode).toBe(200);
    const over = await post(token, { a200: 1 });
    expect(over.json().error.messages.vi).toContain('tối đa 100 thuộc tính');
    expect((await post(token, { a0: 'đổi' })).statusCode).toBe(200);
  });
});
