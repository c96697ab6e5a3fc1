// Issue 15: a light trap's one-year nightly series by species, against its baseline (goal: warm p50 < 20 ms), and the
// province's trap map for one night (goal: warm p50 < 100 ms), read from the hourly aggregates the ingest keeps.
// 100 traps with a year of hourly night readings of four species (1.75 M readings); --quick: 20 traps, 120 nights.
// DATABASE_URL picks PostgreSQL; otherwise PGlite in a temporary folder. Times are of the use cases the routes call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { SYSTEM } from '../src/core/access/index.js';
import { trapMap, trapSeries } from '../src/modules/agronomy/index.js';
import { createDevice, storeReadings } from '../src/modules/devices/index.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { median, quick, report, round } from './common.js';

const TRAPS = quick ? 20 : 100;
const NIGHTS = quick ? 120 : 365;
const RUNS = quick ? 30 : 200;
const url = process.env.DATABASE_URL;
const schema = url ? `bench_traps_${process.pid}` : undefined;
const dir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-traps-'));
const database = await openDatabase(url ? { url, schema } : { pgliteDir: path.join(dir!, 'db') });
const db = database.db;
await prepareDatabase(db, { demo: false, adminPassword: 'bench-password-2026' });

const now = new Date('2026-11-30T03:00:00Z');
const last = '2026-11-29';
const first = new Date(Date.parse(`${last}T00:00:00Z`) - (NIGHTS - 1) * 86_400_000).toISOString().slice(0, 10);
const communes = (await db.selectFrom('org_unit').select('id').where('level', '=', 'commune').where('valid_from', '=', '2025-07-01').orderBy('code').limit(TRAPS).execute()).map((u) => u.id);
const ids: number[] = [];
for (let i = 0; i < TRAPS; i++) {
  const { device } = await createDevice({ db, actor: SYSTEM, now, input: { kind: 'LIGHT_TRAP', name: `Bẫy đèn ${i + 1}`, location: { lat: 9.3 + (i % 10) * 0.06, lon: 105.6 + Math.floor(i / 10) * 0.06 }, unitId: communes[i % communes.length]!, ownerUnitId: null } });
  ids.push(device.id);
}

// Readings of every night hour (18:00–05:00 Việt Nam time) for four species, with a migration every 25 nights,
// stored through the ingest's own statement (aggregates kept in step), 20,000 readings at a time.
const t0 = performance.now();
const SPECIES = ['BPH', 'WBPH', 'RLF', 'YSB'];
let batch: { deviceId: number; key: string; ts: Date; value: number }[] = [];
const start = Date.parse(`${first}T11:00:00Z`);
for (const [t, id] of ids.entries()) {
  for (let n = 0; n < NIGHTS; n++) {
    for (let h = 0; h < 12; h++) {
      for (const key of SPECIES) {
        const value = key === 'BPH' && (n + t) % 25 < 2 ? 40 + ((n * 13 + h * 7) % 90) : (n * 7 + h * 3 + t) % 6;
        batch.push({ deviceId: id, key, ts: new Date(start + n * 86_400_000 + h * 3_600_000), value });
      }
    }
    if (batch.length >= 20_000) await storeReadings(db, batch.splice(0));
  }
}
await storeReadings(db, batch);
batch = [];
await sql`ANALYZE telemetry_nightly`.execute(db);
const readings = TRAPS * NIGHTS * 12 * 4;
console.log(`${TRAPS} traps, ${NIGHTS} nights, ${readings.toLocaleString('en')} readings in ${((performance.now() - t0) / 1000).toFixed(1)} s (${database.kind})`);

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
const series: number[] = [];
const maps: number[] = [];
for (let i = 0; i < 3; i++) await trapSeries(db, ids[0]!, { from: first, to: last });
for (let i = 0; i < RUNS; i++) series.push(await timed(() => trapSeries(db, ids[i % ids.length]!, { from: first, to: last })));
for (let i = 0; i < 3; i++) await trapMap(db, last);
for (let i = 0; i < RUNS; i++) maps.push(await timed(() => trapMap(db, new Date(Date.parse(`${last}T00:00:00Z`) - (i % 30) * 86_400_000).toISOString().slice(0, 10))));
const one = await trapSeries(db, ids[0]!, { from: first, to: last });
const peaks = one.series.find((s) => s.species === 'BPH')!.episodes.length;
console.log(`series of one trap over ${NIGHTS} nights: p50 ${round(median(series), 1)} ms (goal < 20); ${peaks} BPH peaks marked`);
console.log(`trap map of ${TRAPS} traps for one night: p50 ${round(median(maps), 1)} ms (goal < 100)`);
if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
await database.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
report({ bench: 'traps', db: database.kind, traps: TRAPS, nights: NIGHTS, readings, series_p50_ms: round(median(series), 1), map_p50_ms: round(median(maps), 1), bph_peaks: peaks });
