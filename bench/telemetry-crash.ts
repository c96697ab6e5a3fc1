// A server (child process; PostgreSQL with DATABASE_URL, else PGlite; MQTT_URL's broker, else the embedded one).
// (a) QoS 1 for 60 s (5 s --quick), its RSS every second. (b) SIGKILL mid-stream, a restart on the same data, publishers
// with persistent sessions (mqtt.js resends the unacknowledged on reconnect); each acknowledged reading must be stored
// once. Through Mosquitto its sessions keep the messages meanwhile, and are removed at the end: a session left in
// the share group goes on taking its share of the stream.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import mqtt from 'mqtt';
import { openDatabase } from '../src/db/database.js';
import { freePort, loginOver } from '../test/process-helpers.js';
import { quick, report, round } from './common.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const T0 = { sustain: Date.parse('2026-09-01T00:00:00Z'), crash: Date.parse('2026-10-01T00:00:00Z') };
const SUSTAIN_S = quick ? 5 : 60;
const CRASH_S = quick ? 6 : 20; // (b), killed at a third
const PUBLISHERS = quick ? 4 : 8;
const WINDOW = 8; // in flight each
const KEYS = ['BPH', 'WBPH', 'RLF', 'YSB', 'humidity'];
const STEPS = 10; // × 5 keys a message
const BROKER_MSG_PER_S = 200; // paced: what waits at Mosquitto stays within its queue limit

const { DATABASE_URL: pgUrl, MQTT_URL: brokerUrl } = process.env;
const schema = pgUrl ? `bench_crash_${process.pid}` : undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-crash-'));
const [httpPort, mqttPort] = [await freePort(), await freePort()];
const env: NodeJS.ProcessEnv = {
  ...process.env, DATA_DIR: dataDir, PORT: String(httpPort), HOST: '127.0.0.1', MQTT_PORT: String(mqttPort), LOG_LEVEL: 'warn',
  TINHSO_DEMO: '0', TINHSO_ADMIN_PASSWORD: 'bench-crash-26', TINHSO_DEMO_HISTORY_DAYS: '0', TINHSO_JOB_TICK_MS: '3600000',
  MQTT_CLIENT_ID: `tinhso-crash-${process.pid}`, ...(schema ? { DATABASE_SCHEMA: schema } : {}),
};
if (!brokerUrl) delete env.MQTT_URL;
const base = `http://127.0.0.1:${httpPort}`;

let server: ChildProcess | undefined;
let serverOut = '';
// One process (tsx's loader in node, no launcher): its pid is the server's.
async function startServer(): Promise<number> {
  const started = performance.now();
  const proc = (server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  const keep = (d: Buffer) => (serverOut = (serverOut + d).slice(-4000));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  for (const deadline = Date.now() + 120_000; ;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${serverOut}`);
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) return (performance.now() - started) / 1000;
    if (Date.now() > deadline) throw new Error(`not ready:\n${serverOut}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const stopServer = (signal: NodeJS.Signals) => new Promise<void>((resolve) => {
  if (!server || server.exitCode !== null || server.signalCode !== null) return resolve();
  server.once('exit', () => resolve()).kill(signal);
});
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

await startServer();
const session = await loginOver(base, 'admin', env.TINHSO_ADMIN_PASSWORD!);
const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
const devices: { id: number; token: string }[] = [];
for (let i = 0; i < PUBLISHERS; i++) {
  const res = await fetch(`${base}/api/devices`, { method: 'POST', headers, body: JSON.stringify({ kind: 'LIGHT_TRAP', name: `Bẫy thử sập ${i}` }) });
  const body = (await res.json()) as { device: { id: number }; token: string };
  devices.push({ id: body.device.id, token: body.token });
}
const target = brokerUrl ?? `mqtt://127.0.0.1:${mqttPort}`;
const topic = (token: string) => (brokerUrl ? `v1/devices/${token}/telemetry` : 'v1/devices/me/telemetry');
const payload = (t0: number) => JSON.stringify(Array.from({ length: STEPS }, (_, s) => ({ ts: t0 + s * 1000, values: Object.fromEntries(KEYS.map((k, j) => [k, (s + j) % 97])) })));

// One publisher per device, WINDOW messages in flight; acked[p]: device p's acknowledged messages.
async function publish(phase: 'sustain' | 'crash', seconds: number, onTick?: (elapsed: number) => Promise<void>) {
  const acked = devices.map(() => 0);
  const sent = devices.map(() => 0);
  const start = Date.now();
  let stop = false;
  const clients = await Promise.all(devices.map((d, p) => mqtt.connectAsync(target, {
    username: d.token, clientId: `crash-${process.pid}-${phase}-${p}`, protocolVersion: 4, clean: phase === 'sustain', reconnectPeriod: 250,
  })));
  clients.forEach((c) => c.on('error', () => {}));
  const t0 = T0[phase];
  const pace = brokerUrl ? (PUBLISHERS * 1000) / BROKER_MSG_PER_S : 0;
  const one = async (p: number) => {
    while (!stop) {
      const k = sent[p]!++;
      await clients[p]!.publishAsync(topic(devices[p]!.token), payload(t0 + k * STEPS * 1000), { qos: 1 });
      acked[p]!++;
      if (pace) await new Promise((r) => setTimeout(r, pace * WINDOW));
    }
  };
  const running = Promise.all(devices.flatMap((_, p) => Array.from({ length: WINDOW }, () => one(p))));
  while (Date.now() - start < seconds * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    await onTick?.((Date.now() - start) / 1000);
  }
  stop = true;
  // mqtt.js resends what is unacknowledged on each reconnect.
  await running;
  await Promise.all(clients.map((c) => c.endAsync()));
  return { acked, seconds: (Date.now() - start) / 1000 };
}

// (a)
const rss: number[] = [rssMb(server!.pid!)];
const sustained = await publish('sustain', SUSTAIN_S, async () => void rss.push(rssMb(server!.pid!)));
const readingsOf = (acked: number[]) => acked.reduce((s, n) => s + n, 0) * STEPS * KEYS.length;
const sustainedReadings = readingsOf(sustained.acked);
// Flat: the last quarter of the run no more than 10 % above the second (the first is the warm-up).
const quarter = (q: number) => {
  const from = Math.floor((rss.length * q) / 4);
  const part = rss.slice(from, Math.max(Math.floor((rss.length * (q + 1)) / 4), from + 1));
  return part.reduce((s, v) => s + v, 0) / part.length;
};
const flat = quarter(3) <= quarter(1) * 1.1;

// (b) SIGKILL, then started again at once.
let restartSeconds = 0;
let killedAt = 0;
const crash = await publish('crash', CRASH_S, async (elapsed) => {
  if (killedAt || elapsed < CRASH_S / 3) return;
  killedAt = elapsed;
  await stopServer('SIGKILL');
  restartSeconds = await startServer();
});
const expected = readingsOf(crash.acked);

// Through a broker what it held reaches the platform after the restart: wait until the hourly aggregates count it.
const series = (id: number) => `${base}/api/devices/${id}/series?key=BPH&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z&limit=10000`;
const counted = async () => KEYS.length * (await Promise.all(devices.map(async (d) =>
  ((await (await fetch(series(d.id), { headers })).json()) as { points: { n: number }[] }).points.reduce((s, pt) => s + pt.n, 0)))).reduce((a, b) => a + b, 0);
for (const deadline = Date.now() + 120_000; (await counted()) < expected && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 500));
await stopServer('SIGTERM');

const database = await openDatabase(pgUrl ? { url: pgUrl, schema } : { pgliteDir: path.join(dataDir, 'db') });
const ids = devices.map((d) => d.id);
const crashed = (column: string) => sql`device_id = ANY(${ids}::bigint[]) AND ${sql.ref(column)} >= '2026-10-01' AND ${sql.ref(column)} < '2026-11-01'`;
const { rows } = await sql<{ device_id: string; key: string; ts: Date }>`SELECT device_id, key, ts FROM telemetry WHERE ${crashed('ts')}`.execute(database.db);
const have = new Set(rows.map((r) => `${r.device_id}|${r.key}|${new Date(r.ts).getTime()}`));
const aggregated = Number((await sql<{ n: string }>`SELECT coalesce(sum(n), 0) AS n FROM telemetry_hourly WHERE ${crashed('hour')}`.execute(database.db)).rows[0]!.n);
let lost = 0;
devices.forEach((d, p) => {
  for (let k = 0; k < crash.acked[p]! * STEPS; k++) for (const key of KEYS) if (!have.has(`${d.id}|${key}|${T0.crash + k * 1000}`)) lost++;
});
// A reading counted twice shows in the aggregates.
const doubled = Math.max(0, aggregated - rows.length);
if (schema) await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(database.db);
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });

// A clean start ends each of the server's 32 sessions.
if (brokerUrl) await Promise.all(Array.from({ length: 32 }, (_, i) => mqtt.connectAsync(brokerUrl, { protocolVersion: 5, clientId: `${env.MQTT_CLIENT_ID}-${i}`, clean: true }).then((c) => c.endAsync())));
const mb = (n: number) => round(n, 1);
console.log(`telemetry-crash: ${database.kind}, ${brokerUrl ? 'MQTT_URL' : 'embedded broker'}, ${PUBLISHERS} QoS 1 publishers`);
console.log(`  sustained ${mb(sustained.seconds)} s, ${sustainedReadings} acknowledged; RSS start ${mb(rss[0]!)} MB, end ${mb(rss.at(-1)!)} MB, max ${mb(Math.max(...rss))} MB: ${flat ? 'flat' : 'growing'}`);
console.log(`  crash: SIGKILL at ${mb(killedAt)} s, ready again in ${mb(restartSeconds)} s; ${expected} acknowledged, ${rows.length} stored, lost ${lost}, doubled ${doubled}`);
report({
  bench: 'telemetry-crash', database: database.kind, transport: brokerUrl ? 'broker' : 'embedded', sustained_s: mb(sustained.seconds),
  sustained_readings_per_s: Math.round(sustainedReadings / sustained.seconds), rss_mb_start: mb(rss[0]!), rss_mb_end: mb(rss.at(-1)!),
  rss_mb_max: mb(Math.max(...rss)), rss_flat: flat, killed_at_s: mb(killedAt), restart_s: mb(restartSeconds),
  acknowledged: expected, stored: rows.length, lost, doubled,
});
