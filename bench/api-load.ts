// Under 50 concurrent connections reading the Resolution 07 scorecard, how fast do /healthz and /readyz answer, and
// what is the scorecard's p99? In the same run, the same load on a bare Fastify route returning the same JSON.
// Targets (issue 12, point 11): health and readiness within 100 ms; scorecard p99 < 300 ms on PGlite, < 150 ms on
// PostgreSQL. DATABASE_URL picks PostgreSQL; otherwise the embedded database.
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { bareJsonServer, probeWhile, quick, report, round, signIn } from './common.js';

const duration = quick ? 3 : 20;
const connections = 50;
const url = process.env.DATABASE_URL;
const schema = url ? `bench_${process.pid}` : undefined;
const database = await openDatabase({ url, schema });
const config = { ...loadConfig({}), demo: true };
await prepareDatabase(database.db, config);
const app = await buildApp({ db: database.db, dbKind: database.kind, config, now: () => new Date() }, { web: false, logger: { level: 'error' } });
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const { cookie } = await signIn(base, 'lanhdao', 'tinhso-demo-2026');
const path = '/api/scorecard';
const first = await fetch(`${base}${path}`, { headers: { cookie } });
if (!first.ok) throw new Error(`scorecard: ${first.status} ${await first.text()}`);
const body = await first.text();

const bare = await bareJsonServer(path, JSON.parse(body));

async function load(target: string, headers: Record<string, string>, probes: boolean) {
  let over = false;
  const probing = probes ? Promise.all([probeWhile(`${base}/healthz`, () => over), probeWhile(`${base}/readyz`, () => over)]) : Promise.resolve(null);
  const result = await autocannon({ url: target, connections, duration, headers });
  over = true;
  const [health, ready] = (await probing) ?? [null, null];
  if (result.non2xx) throw new Error(`${result.non2xx} non-2xx answers from ${target}`);
  return { rps: result.requests.average, p99: result.latency.p99, max: result.latency.max, health, ready };
}

await autocannon({ url: `${base}${path}`, connections, duration: quick ? 1 : 3, headers: { cookie } }); // warm-up
const tinhso = await load(`${base}${path}`, { cookie }, true);
const baseline = await load(`${bare.base}${path}`, {}, false);
const target = database.kind === 'pglite' ? 300 : 150;
console.log(`${connections} connections, ${duration} s, ${database.kind}; scorecard ${body.length} bytes`);
console.log(`scorecard:  ${Math.round(tinhso.rps)} req/s, p99 ${tinhso.p99} ms (target < ${target}), max ${tinhso.max} ms`);
console.log(`/healthz during the load: p99 ${tinhso.health!.p99} ms, max ${tinhso.health!.max} ms over ${tinhso.health!.n} probes (target < 100), ${tinhso.health!.failed} failed`);
console.log(`/readyz during the load:  p99 ${tinhso.ready!.p99} ms, max ${tinhso.ready!.max} ms over ${tinhso.ready!.n} probes (target < 100), ${tinhso.ready!.failed} failed`);
console.log(`bare Fastify, same JSON:  ${Math.round(baseline.rps)} req/s, p99 ${baseline.p99} ms`);

await app.close();
await bare.close();
if (schema) {
  const { sql } = await import('kysely');
  await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(database.db);
}
await database.close();
report({
  bench: 'api-load', database: database.kind, duration_s: duration, connections,
  scorecard_rps: Math.round(tinhso.rps), scorecard_p99_ms: tinhso.p99, scorecard_max_ms: tinhso.max, scorecard_p99_target_ms: target,
  healthz_p99_ms: tinhso.health!.p99, healthz_max_ms: tinhso.health!.max, readyz_p99_ms: tinhso.ready!.p99, readyz_max_ms: tinhso.ready!.max,
  probe_failures: tinhso.health!.failed + tinhso.ready!.failed,
  bare_rps: Math.round(baseline.rps), bare_p99_ms: baseline.p99, ratio_rps_vs_bare: round(tinhso.rps / baseline.rps), ratio_p99_vs_bare: round(tinhso.p99 / Math.max(baseline.p99, 0.001)),
});
