// Issue 16: EPCIS capture throughput (JSON documents of 100 events through POST /capture; goal ≥ 2,000 events/s on
// PostgreSQL) with 1 M events already stored; a lot's whole history (≈ 50 events) through the query interface
// (goal p95 < 20 ms); the resolver's consumer page and linkset (goal p99 < 20 ms). The stored million are written by SQL (a background producer's 20,000 lots of 50 events, with
// the indexes the real ones use); what is timed goes through HTTP (inject), the routes' whole work.
// --quick: 20,000 stored, 20 captures. DATABASE_URL picks PostgreSQL; otherwise PGlite in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { epcisDocument, farmEvent, lotClass } from '../test/epcis-fixtures.js';
import { median, quick, report, round } from './common.js';

const STORED = quick ? 20_000 : 1_000_000;
const CAPTURES = quick ? 20 : 200;
const QUERIES = quick ? 50 : 400;
const url = process.env.DATABASE_URL;
const schema = url ? `bench_trace_${process.pid}` : undefined;
const dir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-trace-'));
const database = await openDatabase(url ? { url, schema } : { pgliteDir: path.join(dir!, 'db') });
const db = database.db;
const password = 'bench-password-2026';
const config = { ...loadConfig({}), demo: false, adminPassword: password, demoHistoryDays: 0 };
await prepareDatabase(db, config);
const app = await buildApp({ db, dbKind: database.kind, config, now: () => new Date() }, { web: false });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } });
const cookie = `tinhso_sid=${login.cookies.find((c) => c.name === 'tinhso_sid')!.value}`;
const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
const unit = (await db.selectFrom('org_unit').select('id').where('level', '=', 'commune').orderBy('code').limit(1).executeTakeFirstOrThrow()).id;
const producer = async (name: string) => (await app.inject({ method: 'POST', url: '/api/traceability/producers', headers, payload: { kind: 'cooperative', name, address: 'Sóc Trăng', unitId: unit } })).json().id as number;

// The stored events: lots of 50 events of a background producer, in event time order, written in one statement each 100,000.
const t0 = performance.now();
const background = await producer('HTX nền');
for (let from = 1; from <= STORED; from += 100_000) {
  const to = Math.min(STORED, from + 99_999);
  await sql`
    INSERT INTO trace_capture (id, producer_id, status, event_count, captured_by, received_at, finished_at) VALUES (${`bench-${from}`}, ${background}, 'succeeded', 0, 'bench', now(), now())`.execute(db);
  await sql`
    INSERT INTO trace_event (producer_id, seq, event_id, hash_id, event_type, event_time, record_time, action, biz_step, biz_location, epcs, epc_classes, capture_id, prefixes, document, prev_hash, chain_hash)
    SELECT ${background}, g, 'ni:///sha-256;' || md5(g::text) || md5((g * 7)::text) || '?ver=CBV2.0', 'ni:///sha-256;' || md5(g::text), 'ObjectEvent',
      timestamptz '2024-01-01' + (g % 50) * interval '3 days' + (g / 50) * interval '1 minute', now(), 'OBSERVE',
      'https://ref.gs1.org/cbv/BizStep-' || (ARRAY['commissioning','packing','shipping','receiving','storing'])[1 + g % 5],
      'urn:tinhso:place:bench.' || (g / 500), '{}'::text[], ARRAY['https://id.gs1.org/01/08930000000017/10/L' || (g / 50)], ${`bench-${from}`}, '{}'::jsonb,
      jsonb_build_object('type', 'ObjectEvent', 'eventTime', '2024-01-01T00:00:00Z', 'eventTimeZoneOffset', '+07:00', 'action', 'OBSERVE',
        'quantityList', jsonb_build_array(jsonb_build_object('epcClass', 'https://id.gs1.org/01/08930000000017/10/L' || (g / 50), 'quantity', 1))),
      md5((g - 1)::text), md5(g::text)
    FROM generate_series(${from}::bigint, ${to}::bigint) g`.execute(db);
}
await sql`UPDATE trace_producer SET chain_seq = ${STORED} WHERE id = ${background}`.execute(db);
await sql`ANALYZE trace_event`.execute(db);
console.log(`${STORED.toLocaleString('en')} events stored in ${((performance.now() - t0) / 1000).toFixed(1)} s (${database.kind})`);

// Captures: documents of 100 farm events of a cooperative's lots, each a new lot of 50 events over two documents.
const coop = await producer('HTX đo');
const GTIN = '08931234500023';
const documents = Array.from({ length: CAPTURES }, (_, c) => JSON.stringify(epcisDocument(Array.from({ length: 100 }, (_, i) => {
  const n = c * 100 + i;
  return { ...farmEvent('irrigating', '2026-09-01', lotClass(GTIN, `B${Math.floor(n / 50)}`), `urn:tinhso:place:${coop}.P${n % 20}`), eventTime: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(), 'tinhso:waterSource': 'Sông Hậu' };
}))));
const capture = (body: string) => app.inject({ method: 'POST', url: `/api/traceability/epcis/capture?producerId=${coop}`, headers: { ...headers, 'content-type': 'application/json' }, payload: body });
for (let i = 0; i < 2; i++) if (!(await capture(documents[i]!)).json().success) throw new Error('warm-up capture failed');
const t1 = performance.now();
for (const body of documents.slice(2)) {
  const res = await capture(body);
  if (res.statusCode !== 202 || !res.json().success) throw new Error(`capture: ${res.statusCode} ${res.body.slice(0, 300)}`);
}
const captureSeconds = (performance.now() - t1) / 1000;
const eventsPerS = Math.round(((CAPTURES - 2) * 100) / captureSeconds);
console.log(`capture: ${(CAPTURES - 2) * 100} events in ${CAPTURES - 2} documents of 100 in ${captureSeconds.toFixed(2)} s: ${eventsPerS} events/s (goal ≥ 2,000 on PostgreSQL)`);

// A lot's history: 50 events through GET /events?MATCH_epcClass, among the stored million and among the captured.
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const p95 = (xs: number[]) => round(sorted(xs)[Math.floor(xs.length * 0.95)]!, 1);
async function history(lot: string): Promise<number> {
  const started = performance.now();
  const res = await app.inject({ method: 'GET', url: `/api/traceability/epcis/events?perPage=100&MATCH_epcClass=${encodeURIComponent(lot)}`, headers });
  const took = performance.now() - started;
  const n = res.json().epcisBody.queryResults.resultsBody.eventList.length;
  if (n !== 50) throw new Error(`history of ${lot}: ${n} events`);
  return took;
}
const lots = STORED / 50;
for (let i = 0; i < 10; i++) await history(`https://id.gs1.org/01/08930000000017/10/L${1 + i}`);
const stored: number[] = [];
for (let i = 0; i < QUERIES; i++) stored.push(await history(`https://id.gs1.org/01/08930000000017/10/L${1 + ((i * 7919) % (lots - 2))}`));
const captured: number[] = [];
for (let i = 0; i < QUERIES; i++) captured.push(await history(lotClass(GTIN, `B${(i * 31) % (CAPTURES * 2)}`)));
console.log(`a lot's history of 50 events: p95 ${p95(stored)} ms among the stored lots, ${p95(captured)} ms among the captured (goal < 20)`);

// The resolver: a verified producer's lot of 50 events, its consumer page (HTML) and its linkset, each hit a scan.
await app.inject({ method: 'POST', url: `/api/traceability/producers/${coop}/verification`, headers, payload: { status: 'verified' } });
const product = (await app.inject({ method: 'POST', url: `/api/traceability/producers/${coop}/products`, headers, payload: { gtin: GTIN, nameVi: 'Gạo ST25', category: 'rice' } })).json().id as number;
for (let i = 0; i < 20; i++) await app.inject({ method: 'POST', url: `/api/traceability/products/${product}/lots`, headers, payload: { lot: `B${i}`, productionDate: '2026-01-01' } });
const p99 = (xs: number[]) => round(sorted(xs)[Math.floor(xs.length * 0.99)]!, 1);
async function resolve(i: number, accept: string): Promise<number> {
  const started = performance.now();
  // Each hit from its own consumer's address: the resolver's per-address limit is for one phone, not a crowd.
  const res = await app.inject({ method: 'GET', url: `/01/${GTIN}/10/B${i % 20}`, headers: { accept }, remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
  const took = performance.now() - started;
  if (res.statusCode !== 200) throw new Error(`resolver: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return took;
}
for (let i = 0; i < 10; i++) await resolve(i, 'text/html');
const pages: number[] = [];
const linksets: number[] = [];
for (let i = 0; i < QUERIES; i++) pages.push(await resolve(i, 'text/html'));
for (let i = 0; i < QUERIES; i++) linksets.push(await resolve(QUERIES + i, 'application/linkset+json'));
console.log(`resolver: consumer page p99 ${p99(pages)} ms (p50 ${round(median(pages), 1)}), linkset p99 ${p99(linksets)} ms (p50 ${round(median(linksets), 1)}) (goal p99 < 20)`);

await app.close();
if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
await database.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
report({ bench: 'traceability', db: database.kind, stored_events: STORED, capture_events_per_s: eventsPerS, history_p95_ms: p95(stored), history_captured_p95_ms: p95(captured), page_p99_ms: p99(pages), linkset_p99_ms: p99(linksets) });
