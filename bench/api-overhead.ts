// Requests per second and p99 latency of an authenticated GET of the unit tree, against a bare Fastify route
// returning the same JSON, in the same run. DATABASE_URL picks PostgreSQL; otherwise the embedded database.
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { bareJsonServer, quick, report, round, signIn } from './common.js';

const duration = quick ? 2 : 10;
const connections = 10;
const url = process.env.DATABASE_URL;
const schema = url ? `bench_${process.pid}` : undefined;
const database = await openDatabase({ url, schema });
const config = { ...loadConfig({}), demo: true };
await prepareDatabase(database.db, config);
const app = await buildApp({ db: database.db, dbKind: database.kind, config, now: () => new Date() }, { web: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const appPort = (app.server.address() as { port: number }).port;

const { cookie } = await signIn(`http://127.0.0.1:${appPort}`, 'lanhdao', 'tinhso-demo-2026');
const path = '/api/org-units/tree?asOf=2024-12-31';
const body = await (await fetch(`http://127.0.0.1:${appPort}${path}`, { headers: { cookie } })).text();

const bare = await bareJsonServer('/api/org-units/tree', JSON.parse(body));
const barePort = Number(new URL(bare.base).port);

async function load(port: number, headers: Record<string, string>) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration, headers });
  if (result.non2xx) throw new Error(`${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

await load(appPort, { cookie }); // warm-up of both, so the JIT and caches are in the same state
const tinhso = await load(appPort, { cookie });
const baseline = await load(barePort, {});
console.log(`Tỉnh Số (${database.kind}, session + tree from the database): ${Math.round(tinhso.rps)} req/s, p99 ${tinhso.p99} ms, ${body.length} bytes`);
console.log(`bare Fastify, same JSON from memory:          ${Math.round(baseline.rps)} req/s, p99 ${baseline.p99} ms`);
console.log(`ratio (Tỉnh Số / bare): throughput ${round(tinhso.rps / baseline.rps)}, p99 latency ${round(tinhso.p99 / Math.max(baseline.p99, 0.001))}`);

await app.close();
await bare.close();
if (schema) {
  const { sql } = await import('kysely');
  await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(database.db);
}
await database.close();
report({
  bench: 'api-overhead', database: database.kind, duration_s: duration, connections, response_bytes: body.length,
  rps: Math.round(tinhso.rps), p99_ms: tinhso.p99, bare_rps: Math.round(baseline.rps), bare_p99_ms: baseline.p99,
  ratio_rps_vs_bare: round(tinhso.rps / baseline.rps), ratio_p99_vs_bare: round(tinhso.p99 / Math.max(baseline.p99, 0.001)),
});
