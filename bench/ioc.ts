// Issue 14: SSE clients of two servers on one PostgreSQL (PGlite: one), alerts posted at 200/s: p95 from POST to delivery
// at every client < 500 ms, none lost; then one dedupe key posted 50 at a time: one alert, its count right.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loginOver, startServer } from '../test/process-helpers.js';
import { quick, report, round } from './common.js';

const clients = quick ? 20 : 500;
const seconds = quick ? 2 : 30;
const rate = 200;
const repeats = quick ? 200 : 2000;
const concurrency = 50;
const url = process.env.DATABASE_URL;
const schema = `bench_ioc_${process.pid}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ioc-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const add = (xs: number[]) => xs.reduce((a, b) => a + b);
const count = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);

// Prepared here (a first start may outlast startServer's deadline); the servers then start warm.
const prepared = await openDatabase(url ? { url, schema, poolSize: 1 } : { pgliteDir: `${tmp}/s1/db` });
await prepareDatabase(prepared.db, { demo: true });
if (!url) await prepared.close();
const env = (n: number) => ({ DATABASE_URL: url, DATABASE_SCHEMA: url ? schema : undefined, DATA_DIR: `${tmp}/s${n}`, TINHSO_DEMO: '1', TINHSO_ADMIN_PASSWORD: undefined });
const servers = await Promise.all((url ? [1, 2] : [1]).map((n) => startServer(env(n))));
const bases = servers.map((s) => s.url);

// Servers and their children (tsx runs each in one): RSS in kB, CPU in s.
const tree = (pid: number) => [pid, ...fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)];
const proc = (f: (pid: number) => number) => add(servers.flatMap((s) => tree(s.proc.pid!)).map(f));
const rssKb = () => proc((p) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))![1]));
const cpuS = () => proc((p) => add(fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ').slice(11, 13).map(Number)) / 100);

// 64 connections per server, as an upstream's pool: a backlog waits here, its time counted.
const agents = bases.map(() => new http.Agent({ keepAlive: true, maxSockets: 64 }));
type Answer = { status: number; json: { id: number; occurrences: number; token: string } };
const call = (i: number, route: string, headers: Record<string, string>, body?: unknown) => new Promise<Answer>((resolve, reject) => {
  const [n, text] = [i % bases.length, body ? JSON.stringify(body) : ''];
  const options = { method: text ? 'POST' : 'GET', agent: agents[n], headers: text ? { ...headers, 'content-type': 'application/json' } : headers };
  http.request(`${bases[n]}${route}`, options, (res) => {
    let data = '';
    res.setEncoding('utf8').on('data', (c: string) => (data += c)).on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(data) }));
  }).on('error', reject).end(text);
});

const admin = await loginOver(bases[0]!, 'admin', 'tinhso-demo-2026');
const asAdmin = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
const token = async (scope: string) => (await call(0, '/api/tokens', asAdmin, { name: `bench ${scope}`, scopes: [scope] })).json.token;
const [wall, poster] = [await token('wall'), await token('alerts')];

// Raises delivered, flat (client, alert, time); of repeats, the highest count each client heard.
const recv: number[] = [];
const maxOccurrences = new Array<number>(clients).fill(0);
let closed = 0;

/** A lean SSE reader; resolves once the server has subscribed it. */
const sse = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const follow = (c: number) => new Promise<void>((resolve, reject) => {
  const headers = { authorization: `Bearer ${wall}` };
  http.get(`${bases[c % bases.length]}/api/live?topics=alert`, { agent: sse, headers }, (res) => {
    if (res.statusCode !== 200) return reject(new Error(`live: ${res.statusCode}`));
    let buffer = '';
    res.setEncoding('utf8').on('data', (chunk: string) => {
      const at = performance.now();
      buffer += chunk;
      for (let end; (end = buffer.indexOf('\n\n')) >= 0; buffer = buffer.slice(end + 2)) {
        const d = buffer.lastIndexOf('\ndata: ', end);
        if (d < 0 || buffer.slice(0, end).indexOf('event: alert') < 0) continue;
        const data = JSON.parse(buffer.slice(d + 7, end)) as { alertId: number; action: string; occurrences: number };
        if (data.action === 'raised') recv.push(c, data.alertId, at);
        else maxOccurrences[c] = Math.max(maxOccurrences[c]!, data.occurrences);
      }
    });
    res.on('close', () => closed++);
    resolve();
  }).on('error', reject);
});

await sleep(1000);
const rssBefore = rssKb();
for (let c = 0; c < clients; c += 50) await Promise.all(Array.from({ length: Math.min(50, clients - c) }, (_, k) => follow(c + k)));
await sleep(2000);
const memPerClientKb = (rssKb() - rssBefore) / clients;
console.log(`${clients} SSE clients, ${bases.length} server(s), ${url ? 'PostgreSQL' : 'PGlite'}: ${rssBefore >> 10} MB +${round(memPerClientKb, 1)} kB/client`);

// Phase 1: `rate` a second, open loop, to each server in turn.
const total = rate * seconds;
const sentAt = new Float64Array(total);
const idOf = new Array<number>(total).fill(-1);
const answers = new Float64Array(total);
const failures = new Map<number, number>();
const bearer = { authorization: `Bearer ${poster}` };
const inFlight: Promise<void>[] = [];
let lastAnswer = 0;
const cpuBefore = cpuS();
const t0 = performance.now();
for (let sent = 0; sent < total;) {
  for (const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate) + 1); sent < due; sent++) {
    const i = sent;
    sentAt[i] = performance.now();
    inFlight.push(call(i, '/api/alerts', bearer, { type: 'HOTLINE_114', title: { vi: `Cuộc gọi 114 số ${i}` } }).then(({ status, json }) => {
      lastAnswer = performance.now();
      answers[i] = lastAnswer - sentAt[i]!;
      if (status === 201) idOf[i] = json.id;
      else count(failures, status);
    }, () => void count(failures, 0)));
  }
  await sleep(Math.max(0, t0 + ((sent + 1) / rate) * 1000 - performance.now()));
}
await Promise.all(inFlight);
const accepted = idOf.filter((id) => id > 0).length;
const alertsPerS = accepted / ((lastAnswer - t0) / 1000);
for (let last = -1, quiet = 0; recv.length < accepted * clients * 3 && quiet < 2000; quiet = recv.length === last ? quiet + 100 : 0, last = recv.length) await sleep(100);
const cpu = cpuS() - cpuBefore;
const cpuPerAlert = round((cpu * 1000) / accepted, 1);

const indexOf = new Map(idOf.map((id, i) => [id, i]));
const seen = new Uint8Array(clients * total);
const latencies = new Float64Array(recv.length / 3);
let matched = 0;
for (let r = 0; r < recv.length; r += 3) {
  const i = indexOf.get(recv[r + 1]!);
  const k = recv[r]! * total + (i ?? 0);
  if (i !== undefined && !seen[k]) {
    seen[k] = 1;
    latencies[matched++] = recv[r + 2]! - sentAt[i]!;
  }
}
const at = (xs: Float64Array, p: number) => round(xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0, 1);
const sorted = latencies.subarray(0, matched).sort();
const q = (p: number) => at(sorted, p);
answers.sort();
const lost = accepted * clients - matched;
const cut = closed;
console.log(`phase 1: ${total} alerts in ${seconds} s, ${accepted} accepted (${round(alertsPerS, 1)}/s), failed ${JSON.stringify([...failures])}`);
console.log(`  POST → each client: p50 ${q(0.5)}, p95 ${q(0.95)} (goal < 500), p99 ${q(0.99)} ms; ${lost} of ${accepted * clients} lost, ${cut} streams closed`);
console.log(`  POST answered: p50 ${at(answers, 0.5)}, p95 ${at(answers, 0.95)} ms; server CPU ${cpuPerAlert} ms per alert`);

// Phase 2: one dedupe key, `concurrency` posts at a time.
const dedupeKey = `bench-${process.pid}`;
const ids = new Set<number>();
const statuses = new Map<number, number>();
let next = 0;
const t1 = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  for (let i = next++; i < repeats; i = next++) {
    const { status, json } = await call(i, '/api/alerts', bearer, { type: 'HOTLINE_114', title: { vi: 'Cháy chợ' }, dedupeKey });
    count(statuses, status);
    if (status === 200 || status === 201) ids.add(json.id);
  }
}));
const dedupeRate = round(repeats / ((performance.now() - t1) / 1000), 0);
const [only] = [...ids];
const occurrences = only === undefined ? 0 : (await call(0, `/api/alerts/${only}`, asAdmin)).json.occurrences;
const dedupeOk = ids.size === 1 && occurrences === repeats && statuses.get(201) === 1 && statuses.get(200) === repeats - 1;
for (let waited = 0; waited < 10_000 && maxOccurrences.some((m) => m < repeats); waited += 100) await sleep(100);
const sawCount = maxOccurrences.filter((m) => m === repeats).length;
console.log(`phase 2: ${repeats} posts of one dedupe key, ${concurrency} at once, ${dedupeRate}/s; ${JSON.stringify([...statuses])}`);
console.log(`  ${ids.size} alert(s), ${occurrences} occurrences read back: ${dedupeOk ? 'right' : 'WRONG'}; ${sawCount}/${clients} clients heard it`);

for (const agent of [sse, ...agents]) agent.destroy();
await Promise.all(servers.map((s) => s.stop()));
if (url) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(prepared.db).then(() => prepared.close());
fs.rmSync(tmp, { recursive: true, force: true });
report({
  bench: 'ioc', db: url ? 'postgres' : 'pglite', processes: bases.length, clients, alerts_per_s: round(alertsPerS, 1), accepted, p50_ms: q(0.5),
  p95_ms: q(0.95), lost, closed: cut, post_p95_ms: at(answers, 0.95), mem_per_client_kb: round(memPerClientKb, 1), cpu_ms_per_alert: cpuPerAlert,
  dedupe_per_s: dedupeRate, dedupe_alerts: ids.size, dedupe_count_ok: dedupeOk, dedupe_clients_ok: sawCount,
});
