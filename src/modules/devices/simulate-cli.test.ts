import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { runSimulation } from '../../cli/simulate.js';
import { CLI } from '../../core/access/index.js';
import { simulatorFleet, startEmbeddedBroker, subscribeToBroker, writerFor } from './index.js';

let t: TestApp;
let broker: Awaited<ReturnType<typeof startEmbeddedBroker>>;
const log = () => {};

beforeAll(async () => {
  t = await createTestApp({ demo: false, adminPassword: 'simulate-test-password' });
  broker = await startEmbeddedBroker({ db: t.database.db, writer: writerFor(t.database.db, t.database.kind), port: 0, host: '127.0.0.1', now: () => new Date(), log });
});
afterAll(async () => {
  await broker?.close();
  await t?.close();
});

const stored = async (ids: number[]) =>
  Number((await t.database.db.selectFrom('telemetry').select((eb) => eb.fn.countAll().as('n')).where('device_id', 'in', ids).executeTakeFirstOrThrow()).n);
const from = Date.parse('2025-03-01T00:00:00Z');
const to = Date.parse('2025-03-03T00:00:00Z');

describe('npm run cli -- simulate', () => {
  it('backfills over MQTT: every reading published is stored, and a second run stores nothing twice', async () => {
    const fleet = [
      ...(await simulatorFleet({ db: t.database.db, actor: CLI, kind: 'LIGHT_TRAP', count: 2, now: new Date() })),
      ...(await simulatorFleet({ db: t.database.db, actor: CLI, kind: 'SALINITY_STATION', count: 2, now: new Date() })),
    ];
    const options = { via: 'mqtt' as const, url: `mqtt://127.0.0.1:${broker.port}`, topic: 'v1/devices/me/telemetry', from, to, batch: 50 };
    const sent = await runSimulation(fleet, options);
    // 2 traps × 48 hours × (3 + 4 at night) + 2 stations × 192 quarter hours × 7.
    expect(sent.readings).toBe(2 * (48 * 3 + 24 * 4) + 2 * 192 * 7);
    expect(await stored(fleet.map((f) => f.id))).toBe(sent.readings);
    // The same devices (new tokens), the same range: the same readings, stored once.
    const again = await simulatorFleet({ db: t.database.db, actor: CLI, kind: 'LIGHT_TRAP', count: 2, now: new Date() });
    expect(again.map((f) => f.id)).toEqual(fleet.slice(0, 2).map((f) => f.id));
    await runSimulation(again, options);
    expect(await stored(fleet.map((f) => f.id))).toBe(sent.readings);
  });

  it('backfills over HTTP, limited by --rate, and runs live in compressed time', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const fleet = await simulatorFleet({ db: t.database.db, actor: CLI, kind: 'SALINITY_STATION', count: 1, now: new Date() });
    const started = Date.now();
    const sent = await runSimulation(fleet, { via: 'http', url: address, topic: '', from, to, batch: 48, rate: 20 });
    expect(sent.messages).toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await stored([fleet[0]!.id])).toBe(192 * 7);
    // Live at 3,600× from a past moment: an hour of a station (4 readings) in about a second.
    const live = await runSimulation(fleet, { via: 'http', url: address, topic: '', from: Date.parse('2025-04-01T00:00:00Z'), to: Date.parse('2025-04-01T01:00:00Z'), speed: 3600, batch: 10 });
    expect(live.readings).toBe(4 * 7);
    expect(await stored([fleet[0]!.id])).toBe(196 * 7);
  });
});

describe.skipIf(!process.env.MQTT_URL)('simulate through a real broker (MQTT_URL)', () => {
  it('publishes on v1/devices/{token}/telemetry, taken from the shared subscription and stored once', async () => {
    const group = `sim${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const subscriber = await subscribeToBroker({
      db: t.database.db, writer: writerFor(t.database.db, t.database.kind), url: process.env.MQTT_URL!, clientId: `tinhso-sim-${group}`, group, sessionExpirySeconds: 60, now: () => new Date(), log,
    });
    try {
      const fleet = await simulatorFleet({ db: t.database.db, actor: CLI, kind: 'LIGHT_TRAP', count: 3, now: new Date() });
      const ids = fleet.map((f) => f.id);
      const before = await stored(ids);
      const sent = await runSimulation(fleet, { via: 'mqtt', url: process.env.MQTT_URL!, topic: 'v1/devices/{token}/telemetry', from: Date.parse('2025-05-01T00:00:00Z'), to: Date.parse('2025-05-02T00:00:00Z'), batch: 6 });
      await expect.poll(() => stored(ids), { timeout: 10_000 }).toBe(before + sent.readings);
    } finally {
      await subscriber.close();
    }
  });
});
