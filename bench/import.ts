// Imports about a million data values from a DHIS2 CSV through the streaming importer (checks, upsert, history),
// beside, in the same run, PostgreSQL's own COPY of the file into a plain table and its COPY of the resolved rows into
// the store's tables (the floors); and the process's peak memory. DATABASE_URL picks PostgreSQL, else PGlite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { SYSTEM } from '../src/core/access/index.js';
import { importValueRows, readDataValueCsv } from '../src/core/data/index.js';
import { listInForce } from '../src/core/org-units/index.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { probeWhile, quick, report, round, signIn } from './common.js';
import { measureFloors } from './import/floors.js';

const ELEMENTS = quick ? 1 : 8;
const MONTHS = quick ? 12 : 96;
const url = process.env.DATABASE_URL;
const schema = url ? `bench_import_${process.pid}` : undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-import-'));
fs.chmodSync(dir, 0o755); // the PostgreSQL server reads the file for its COPY
const database = await openDatabase(url ? { url, schema } : { pgliteDir: path.join(dir, 'db') });
const db = database.db;
await prepareDatabase(db, { demo: false, adminPassword: 'bench-password-2026' });

const combo = await db.insertInto('category_combo').values({ code: 'SEX_AGE', name_vi: 'Giới tính × nhóm tuổi', name_en: 'Sex × age', categories: '["SEX","AGE"]' }).returning('id').executeTakeFirstOrThrow();
const cocs: string[] = [];
for (const s of ['F', 'M']) for (const a of ['0_14', '15_24', '25_34', '35_49', '50_64', '65P']) {
  const code = `SEX_${s}_AGE_${a}`;
  await db.insertInto('category_option_combo').values({ combo_id: combo.id, code, name_vi: code, name_en: code, options: '{}' }).execute();
  cocs.push(code);
}
const elements: string[] = [];
for (let i = 1; i <= ELEMENTS; i++) {
  const code = `IMPORT_E${i}`;
  await db.insertInto('data_element').values({
    code, name_vi: code, name_en: code, value_type: 'integer', agg_units: 'sum', agg_time: 'sum', unit_of_measure: 'n',
    category_combo_id: combo.id, period_types: '["month"]',
  }).execute();
  elements.push(code);
}

// The file: every commune in force at the end of 2024 × elements × months up to 2024-12 × 12 disaggregations.
const communes = (await listInForce(db, '2024-12-31', { level: 'commune' })).filter((c) => !c.validFrom);
const months = Array.from({ length: MONTHS }, (_, k) => {
  const d = new Date(Date.UTC(2024, 11 - k, 1));
  return `${d.getUTCFullYear()}M${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}).reverse();
const file = path.join(dir, 'values.csv');
const out = fs.createWriteStream(file);
out.write('dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\n');
let rows = 0;
for (const e of elements) for (const c of communes) for (const m of months) {
  let chunk = '';
  for (const coc of cocs) {
    chunk += `${e},${m},${c.code},${coc},,${(rows * 7919) % 1000},,,,\n`;
    rows++;
  }
  if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
}
await new Promise<void>((r) => out.end(() => r()));
fs.chmodSync(file, 0o644);
const megabytes = fs.statSync(file).size / 1e6;
console.log(`${rows.toLocaleString('en')} rows, ${megabytes.toFixed(1)} MB of CSV`);

// A leader's screen and a balancer's health check, answered during the import (the scorecard computed once before).
const app = await buildApp({ db, dbKind: database.kind, config: { ...loadConfig({}), demo: false }, now: () => new Date() }, { web: false, logger: { level: 'error' } });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const session = await signIn(base, 'admin', 'bench-password-2026');
if (!(await fetch(`${base}/api/scorecard`, { headers: session })).ok) throw new Error('scorecard not answering before the import');
let importing = true;
const probes = Promise.all([probeWhile(`${base}/readyz`, () => !importing), probeWhile(`${base}/api/scorecard`, () => !importing, session)]);

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const before = process.memoryUsage().rss;
const t0 = performance.now();
let lastReport = 0;
let lastProgressAt = t0;
const summary = await importValueRows(db, SYSTEM, readDataValueCsv(fs.createReadStream(file)), {
  dryRun: false, atomicMode: 'ALL', sourceRef: 'bench',
  onProgress: (n) => {
    lastProgressAt = performance.now();
    if (n - lastReport >= 200_000) {
      lastReport = n;
      console.log(`  ${n.toLocaleString('en')} rows imported`);
    }
  },
});
const importSeconds = (performance.now() - t0) / 1000;
importing = false;
const [ready, card] = await probes;
await app.close();
// Progress follows the applied batches: after the last report come the final statements.
const lastProgressSeconds = (lastProgressAt - t0) / 1000;
clearInterval(sampler);
if (summary.status !== 'SUCCESS' || summary.importCount.imported !== rows) throw new Error(`import failed: ${JSON.stringify(summary).slice(0, 500)}`);

// PostgreSQL's own COPY of the same file into a plain table with no checks, no index, no history.
await sql`CREATE TABLE copy_target (dataelement text, period text, orgunit text, catoptcombo text, attroptcombo text, value text,
  storedby text, lastupdated text, comment text, followup text)`.execute(db);
const t1 = performance.now();
if (database.pglite) {
  await database.pglite.query(`COPY copy_target FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob: new Blob([fs.readFileSync(file)]) });
} else {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query(`COPY copy_target FROM '${file}' WITH (FORMAT csv, HEADER true)`);
  await client.end();
}
const copySeconds = (performance.now() - t1) / 1000;
const copied = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM copy_target`.execute(db)).rows[0]!.n);

const { floorCopySeconds, floorWithHistorySeconds, floorSeconds } = await measureFloors(database);

const rate = rows / importSeconds;
const copyRate = copied / copySeconds;
console.log(`Tỉnh Số import (check, upsert, history): ${importSeconds.toFixed(1)} s, ${Math.round(rate).toLocaleString('en')} rows/s (last progress report at ${lastProgressSeconds.toFixed(1)} s)`);
console.log(`PostgreSQL COPY into a bare table:       ${copySeconds.toFixed(1)} s, ${Math.round(copyRate).toLocaleString('en')} rows/s`);
console.log(`COPY of the resolved rows into the store's table and indexes: ${floorCopySeconds.toFixed(1)} s = ${(copySeconds / floorCopySeconds).toFixed(2)} of bare COPY (ours is ${(floorCopySeconds / importSeconds).toFixed(2)} of it)`);
console.log(`… with the history rows too (the floor of a store with history): ${floorWithHistorySeconds.toFixed(1)} s (ours is ${(floorWithHistorySeconds / importSeconds).toFixed(2)} of it; goal ≥ 0.5)`);
console.log(`INSERT … SELECT of the same rows into the same table: ${floorSeconds.toFixed(1)} s (ours is ${(floorSeconds / importSeconds).toFixed(2)} of it)`);
console.log(`during the import: /readyz p99 ${ready.p99} ms (max ${ready.max}, ${ready.failed} of ${ready.n} failed); scorecard p99 ${card.p99} ms (max ${card.max}, ${card.failed} of ${card.n} failed)`);
console.log(`ratio ${(rate / copyRate).toFixed(3)}; peak process memory ${(peak / 1e6).toFixed(0)} MB (${((peak - before) / 1e6).toFixed(0)} MB above the start of the import; ${database.kind === 'pglite' ? 'includes the embedded database engine' : 'the database runs in its own process'})`);

if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
await database.close();
fs.rmSync(dir, { recursive: true, force: true });
report({
  bench: 'import', database: database.kind, rows, csv_mb: round(megabytes, 1), import_s: round(importSeconds, 1), rows_per_s: Math.round(rate),
  last_progress_s: round(lastProgressSeconds, 1), copy_s: round(copySeconds, 2), copy_rows_per_s: Math.round(copyRate), ratio_vs_copy: round(rate / copyRate, 3),
  copy_into_store_s: round(floorCopySeconds, 2), copy_into_store_vs_bare_copy: round(copySeconds / floorCopySeconds, 3), ratio_vs_copy_into_store: round(floorCopySeconds / importSeconds, 3),
  copy_with_history_s: round(floorWithHistorySeconds, 2), ratio_vs_copy_with_history: round(floorWithHistorySeconds / importSeconds, 3),
  insert_into_store_s: round(floorSeconds, 1), ratio_vs_insert_into_store: round(floorSeconds / importSeconds, 2),
  peak_rss_mb: Math.round(peak / 1e6), rss_growth_mb: Math.round((peak - before) / 1e6),
  readyz_p99_during_import_ms: ready.p99, readyz_max_during_import_ms: ready.max, scorecard_p99_during_import_ms: card.p99, scorecard_max_during_import_ms: card.max,
  probe_failures_during_import: ready.failed + card.failed,
});
