// Sustained telemetry ingest over MQTT: through the broker at MQTT_URL (Mosquitto) when set, else through the embedded
// broker; on PostgreSQL with DATABASE_URL, else PGlite. Publishers send QoS 1 messages of 50 readings each, keeping a
// window of messages in flight; the figures are the readings committed per second, the p99 from publish to PUBACK,
// the process's memory over the run, and, in the same run, PostgreSQL's COPY of the same readings into a copy of the
// table (its primary key included): the floor of any ingest into it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import mqtt from 'mqtt';
import { SYSTEM } from '../src/core/access/index.js';
import { openDatabase } from '../src/db/database.js';
import { createDevice, startEmbeddedBroker, subscribeToBroker, writerFor } from '../src/modules/devices/index.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { quick, report, round } from './common.js';

const SECONDS = quick ? 5 : 60;
const DEVICES = quick ? 20 : 200;
const PUBLISHERS = quick ? 4 : 16;
const WINDOW = 16; // messages in flight per publisher
const KEYS = ['BPH', 'WBPH', 'RLF', 'YSB', 'temperature'];
const STEPS = 10; // timestamps per message: 10 × 5 keys = 50 readings
const BACKLOG = 20_000;

const url = process.env.DATABASE_URL;
const brokerUrl = process.env.MQTT_URL;
const schema = url ? `bench_telemetry_${process.pid}` : undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-telemetry-'));
fs.chmodSync(dir, 0o755);
const database = await openDatabase(url ? { url, schema } : { pgliteDir: path.join(dir, 'db') });
const db = database.db;
await prepareDatabase(db, { demo: false, adminPassword: 'bench-password-2026' });
const log = () => {};
const writer = writerFor(db, database.kind);

const devices: { id: number; token: string }[] = [];
for (let i = 0; i < DEVICES; i++) {
  const { device, token } = await createDevice({ db, actor: SYSTEM, now: new Date(), input: { kind: 'LIGHT_TRAP', name: `Bẫy đo ${i}`, location: null, ownerUnitId: null } });
  devices.push({ id: device.id, token });
}

const group = `bench${process.pid}`;
const embedded = brokerUrl ? null : await startEmbeddedBroker({ db, writer, port: 0, host: '127.0.0.1', now: () => new Date(), log });
const subscriber = brokerUrl ? await subscribeToBroker({ db, writer, url: brokerUrl, clientId: `tinhso-bench-${group}`, group, sessionExpirySeconds: 120, now: () => new Date(), log }) : null;
const target = brokerUrl ?? `mqtt://127.0.0.1:${embedded!.port}`;

const latencies: number[] = [];
const memory: number[] = [];
let published = 0;
let stop = false;
const start = Date.now();
const memoryTimer = setInterval(() => memory.push(process.memoryUsage().rss), 1000);

async function publisher(p: number): Promise<void> {
  const own = devices.filter((_, i) => i % PUBLISHERS === p);
  const clients = await Promise.all(own.map((d) => mqtt.connectAsync(target, { username: d.token, protocolVersion: 4, reconnectPeriod: 0, clean: true })));
  let n = 0;
  const one = async () => {
    while (!stop) {
      // Through a broker its PUBACK is the broker's, not a commit: publishers hold back while more than a few seconds'
      // readings wait at the broker, so that what is measured is the platform's sustained rate (a broker's queue limit
      // would otherwise drop what it cannot hold).
      while (brokerUrl && published - writer.stored > BACKLOG && !stop) await new Promise((resolve) => setTimeout(resolve, 5));
      if (stop) break;
      const k = n++;
      const device = own[k % own.length]!;
      const client = clients[k % own.length]!;
      const base = start - 30 * 86_400_000 + k * STEPS * 1000 + p; // distinct times: every reading is new
      const payload = Array.from({ length: STEPS }, (_, s) => ({ ts: base + s * 1000, values: Object.fromEntries(KEYS.map((key, j) => [key, (k + s + j) % 97])) }));
      const topic = brokerUrl ? `v1/devices/${device.token}/telemetry` : 'v1/devices/me/telemetry';
      const t = performance.now();
      await client.publishAsync(topic, JSON.stringify(payload), { qos: 1 });
      latencies.push(performance.now() - t);
      published += STEPS * KEYS.length;
    }
  };
  await Promise.all(Array.from({ length: WINDOW }, one));
  await Promise.all(clients.map((c) => c.endAsync()));
}

const running = Promise.all(Array.from({ length: PUBLISHERS }, (_, p) => publisher(p)));
await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
stop = true;
await running;
// Through a broker the PUBACK is the broker's: wait until what it took is committed here.
const deadline = Date.now() + 60_000;
while (writer.stored < published && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
const elapsed = (Date.now() - start) / 1000;
clearInterval(memoryTimer);
const count = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM telemetry`.execute(db)).rows[0]!.n);

// The floor: COPY of the same readings into a plain copy of the table.
await sql`CREATE TABLE telemetry_copy (LIKE telemetry INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`.execute(db);
let copySeconds: number;
if (database.pglite) {
  const out = await database.pglite.query(`COPY (SELECT * FROM telemetry) TO '/dev/blob'`);
  const t = performance.now();
  await database.pglite.query(`COPY telemetry_copy FROM '/dev/blob'`, [], { blob: out.blob! });
  copySeconds = (performance.now() - t) / 1000;
} else {
  const file = path.join(os.tmpdir(), `tinhso-telemetry-${process.pid}.txt`); // written and read by the server
  await sql.raw(`COPY (SELECT * FROM telemetry) TO '${file}'`).execute(db);
  const t = performance.now();
  await sql.raw(`COPY telemetry_copy FROM '${file}'`).execute(db);
  copySeconds = (performance.now() - t) / 1000;
  fs.rmSync(file, { force: true });
}

await subscriber?.close();
await embedded?.close();
if (schema) await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(db);
await database.close();
fs.rmSync(dir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const readingsPerSecond = count / elapsed;
const copyPerSecond = count / copySeconds;
const mb = (b: number) => round(b / 1024 / 1024, 1);
const settled = memory.slice(Math.min(5, Math.floor(memory.length / 2)));
console.log(`telemetry: ${count} readings stored of ${published} acknowledged in ${round(elapsed, 1)} s through ${brokerUrl ? 'the broker at MQTT_URL' : 'the embedded broker'} on ${database.kind}`);
console.log(`  ${Math.round(readingsPerSecond)} readings/s; COPY of the same readings ${Math.round(copyPerSecond)} readings/s; ratio ${round(readingsPerSecond / copyPerSecond, 3)}`);
console.log(`  publish → PUBACK p50 ${round(latencies[Math.floor(latencies.length / 2)] ?? 0, 1)} ms, p99 ${round(latencies[Math.floor(latencies.length * 0.99)] ?? 0, 1)} ms; memory ${mb(Math.min(...settled))}–${mb(Math.max(...settled))} MB after warm-up`);
report({
  bench: 'telemetry', database: database.kind, transport: brokerUrl ? 'broker' : 'embedded', seconds: round(elapsed, 1), readings: count, acknowledged: published,
  lost: Math.max(0, published - count), readings_per_s: Math.round(readingsPerSecond), copy_readings_per_s: Math.round(copyPerSecond),
  ratio_vs_copy: round(readingsPerSecond / copyPerSecond, 3), puback_p99_ms: round(latencies[Math.floor(latencies.length * 0.99)] ?? 0, 1),
  rss_mb_min: mb(Math.min(...settled)), rss_mb_max: mb(Math.max(...settled)),
});
