// Open311 POSTs (no photo) per second and p99 latency, beside a bare Fastify route that inserts the same row with
// one SQL statement, in the same run, as a ratio. DATABASE_URL picks PostgreSQL (the setting); otherwise
// PGlite.
import autocannon from 'autocannon';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { SYSTEM } from '../src/core/access/index.js';
import { createToken } from '../src/core/tokens/index.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { quick, report, round } from './common.js';

const duration = quick ? 2 : 10;
const connections = 10;
const url = process.env.DATABASE_URL;
const schema = url ? `bench_intake_${process.pid}` : undefined;
const database = await openDatabase({ url, schema });
const config = { ...loadConfig({}), demo: false, adminPassword: 'bench-password-2026', open311RatePerMinute: 1_000_000_000 };
await prepareDatabase(database.db, config);
const app = await buildApp({ db: database.db, dbKind: database.kind, config, now: () => new Date() }, { web: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const { token } = await createToken({ db: database.db, actor: SYSTEM, input: { name: 'bench', scopes: ['open311'] } });
const unit = await database.db.selectFrom('org_unit').select('id').where('code', '=', '31507').where('valid_from', '=', '2025-07-01').executeTakeFirstOrThrow();

const form = new URLSearchParams({
  api_key: token, service_code: 'DRAINAGE', 'attribute[commune]': '31507', lat: '9.6', long: '105.97',
  description: 'Cống bị tắc trước chợ, nước tràn lên mặt đường sau mỗi cơn mưa', first_name: 'Lan', last_name: 'Nguyễn', email: 'lan@example.org',
}).toString();

// The baseline: parse the same form and insert the same case row with one statement, nothing else.
const bare = Fastify();
await bare.register(formbody);
let n = 0;
bare.post('/requests.json', async (request) => {
  const body = request.body as Record<string, string>;
  const code = `BR-${process.pid}-${++n}`;
  await sql`INSERT INTO case_record (kind, tracking_code, category_code, state, description, channel, place_unit_id, unit_id, lat, lon, received_at, due_date)
    VALUES ('feedback', ${code}, ${body.service_code}, 'routed', ${body.description}, 'web', ${unit.id}, ${unit.id}, ${Number(body.lat)}, ${Number(body.long)}, now(), current_date + 5)`.execute(database.db);
  return [{ service_request_id: code }];
});
await bare.listen({ port: 0, host: '127.0.0.1' });

async function load(port: number, path: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`, method: 'POST', connections, duration, body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (result.non2xx) throw new Error(`${result.non2xx} non-2xx answers from ${path}`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const appPort = (app.server.address() as { port: number }).port;
const barePort = (bare.server.address() as { port: number }).port;
const ours = await load(appPort, '/open311/v2/requests.json');
const baseline = await load(barePort, '/requests.json');
const created = Number((await database.db.selectFrom('case_record').select((eb) => eb.fn.countAll<number>().as('n')).where('tracking_code', 'like', 'FE-%').executeTakeFirstOrThrow()).n);
console.log(`Open311 POST (checks, routing, deadline, case, timeline, audit): ${Math.round(ours.rps)} req/s, p99 ${ours.p99} ms (${created} cases)`);
console.log(`bare Fastify, one INSERT:                                      ${Math.round(baseline.rps)} req/s, p99 ${baseline.p99} ms`);
console.log(`ratio ${(ours.rps / baseline.rps).toFixed(2)} (${database.kind})`);

await app.close();
await bare.close();
if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(database.db);
await database.close();
report({ bench: 'intake', database: database.kind, duration_s: duration, connections, rps: Math.round(ours.rps), p99_ms: ours.p99, bare_rps: Math.round(baseline.rps), bare_p99_ms: baseline.p99, ratio_vs_bare: round(ours.rps / baseline.rps) });
