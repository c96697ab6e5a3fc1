// The duplicate query among a million cases: p50 and p95 of "open reports of this category within 200 m and
// 14 days of this point". Cases are spread over Sóc Trăng's extent and a year, across the 17 categories.
// --quick: 50,000 cases. DATABASE_URL picks PostgreSQL; otherwise PGlite in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { nearbyReports } from '../src/modules/feedback/index.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { median, quick, report, round } from './common.js';

const CASES = quick ? 50_000 : 1_000_000;
const QUERIES = quick ? 100 : 400;
const url = process.env.DATABASE_URL;
const schema = url ? `bench_nearby_${process.pid}` : undefined;
const dir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-nearby-'));
const database = await openDatabase(url ? { url, schema } : { pgliteDir: path.join(dir!, 'db') });
const db = database.db;
await prepareDatabase(db, { demo: false, adminPassword: 'bench-password-2026' });

const now = new Date('2026-11-25T03:00:00Z');
const unit = await db.selectFrom('org_unit').select('id').where('code', '=', '31507').where('valid_from', '=', '2025-07-01').executeTakeFirstOrThrow();
const categories = (await db.selectFrom('case_category').select('code').where('kind', '=', 'feedback').execute()).map((c) => c.code);
// Sóc Trăng's extent, roughly: 9.2–9.95 N, 105.55–106.3 E.
const box = { lat: [9.2, 9.95], lon: [105.55, 106.3] } as const;
const t0 = performance.now();
for (let done = 0; done < CASES; done += 100_000) {
  const n = Math.min(100_000, CASES - done);
  await sql`
    INSERT INTO case_record (kind, tracking_code, category_code, state, description, channel, place_unit_id, unit_id, lat, lon, received_at, due_date)
    SELECT 'feedback', 'BN-' || lpad((${done}::int + g)::text, 9, '0'), (${categories}::text[])[(1 + (g * 7919) % ${categories.length})::int],
      (ARRAY['routed','accepted','in_progress','answered','closed'])[(1 + (g * 31) % 5)::int], 'Phản ánh thử nghiệm số ' || g, 'web', ${unit.id}, ${unit.id},
      ${box.lat[0]} + (((g * 104729) % 1000003)::float8 / 1000003) * ${box.lat[1] - box.lat[0]},
      ${box.lon[0]} + (((g * 224737) % 1000033)::float8 / 1000033) * ${box.lon[1] - box.lon[0]},
      ${now}::timestamptz - ((g * 13) % 365) * interval '1 day' - ((g * 17) % 86400) * interval '1 second', ${'2026-12-31'}::date
    FROM generate_series(1::bigint, ${n}::bigint) AS g`.execute(db);
}
await sql`ANALYZE case_record`.execute(db);
console.log(`${CASES.toLocaleString('en')} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s (${database.kind})`);

// Each query is a point near an existing case of a random category, so the answer is usually not empty.
const samples = await sql<{ category_code: string; lat: number; lon: number }>`
  SELECT category_code, lat, lon FROM case_record WHERE received_at >= ${new Date(now.getTime() - 14 * 86_400_000)} ORDER BY random() LIMIT ${QUERIES}`.execute(db);
const times: number[] = [];
let found = 0;
for (const s of samples.rows) {
  const start = performance.now();
  const near = await nearbyReports(db, { category: s.category_code, lat: s.lat + 0.0005, lon: s.lon + 0.0005, now });
  times.push(performance.now() - start);
  found += near.length;
}
const sorted = [...times].sort((a, b) => a - b);
const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1]!;
console.log(`${samples.rows.length} duplicate queries: p50 ${median(times).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms; ${(found / samples.rows.length).toFixed(2)} reports found per query`);

if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
await database.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
report({ bench: 'nearby', database: database.kind, cases: CASES, queries: samples.rows.length, p50_ms: round(median(times)), p95_ms: round(p95), found_per_query: round(found / samples.rows.length) });
