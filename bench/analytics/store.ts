// The synthetic store: a sex × age combination, ELEMENTS elements paired into indicators, and monthly values for every
// commune of 2024 while it existed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { findByCode, listInForce } from '../../src/core/org-units/index.js';
import { openDatabase, type Database, type Db } from '../../src/db/database.js';
import { prepareDatabase } from '../../src/server/bootstrap.js';
import { quick } from '../common.js';

const ELEMENTS = quick ? 6 : 60;
const YEARS = quick ? 2 : 10;
export const FIRST = 2025 - YEARS;
const SEXES = ['F', 'M'];
const AGES = ['0_14', '15_24', '25_34', '35_49', '50_64', '65P'];

export interface BenchIndicator {
  code: string;
  numerator: string;
  denominator: string;
  factor: number;
}

export interface Store {
  database: Database;
  db: Db;
  /** The PostgreSQL schema of this run, dropped at the end unless --keep. */
  schema: string | undefined;
  /** PGlite's temporary folder, removed at the end. */
  dir: string | undefined;
  cocIds: number[];
  elementIds: number[];
  province: { id: number };
  indicators: BenchIndicator[];
  communeIds: number[];
  count: number;
}

export async function buildStore(): Promise<Store> {
  const url = process.env.DATABASE_URL;
  const schema = url ? `bench_analytics_${process.pid}` : undefined;
  const dir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-'));
  const database = await openDatabase(url ? { url, schema } : { pgliteDir: path.join(dir!, 'db') });
  const db = database.db;
  const t0 = performance.now();
  await prepareDatabase(db, { demo: false, adminPassword: 'bench-password-2026' });

  const combo = await db.insertInto('category_combo').values({ code: 'SEX_AGE', name_vi: 'Giới tính × nhóm tuổi', name_en: 'Sex × age', categories: JSON.stringify(['SEX', 'AGE']) }).returning('id').executeTakeFirstOrThrow();
  const cocIds: number[] = [];
  for (const s of SEXES) for (const a of AGES) {
    const row = await db.insertInto('category_option_combo').values({ combo_id: combo.id, code: `SEX_${s}_AGE_${a}`, name_vi: `${s} ${a}`, name_en: `${s} ${a}`, options: JSON.stringify({ SEX: s, AGE: a }) }).returning('id').executeTakeFirstOrThrow();
    cocIds.push(row.id);
  }
  const elementIds: number[] = [];
  for (let i = 1; i <= ELEMENTS; i++) {
    const row = await db.insertInto('data_element').values({
      code: `BENCH_E${String(i).padStart(2, '0')}`, name_vi: `Chỉ tiêu thử ${i}`, name_en: `Bench element ${i}`, value_type: 'integer', agg_units: 'sum', agg_time: 'sum',
      unit_of_measure: 'n', category_combo_id: combo.id, period_types: JSON.stringify(['month', 'year']),
    }).returning('id').executeTakeFirstOrThrow();
    elementIds.push(row.id);
  }
  const province = (await findByCode(db, '94', '2024-12-31'))!;
  const indicators: BenchIndicator[] = [];
  for (let i = 0; i < ELEMENTS / 2; i++) {
    const code = `BENCH_I${String(i + 1).padStart(2, '0')}`;
    const numerator = `#{BENCH_E${String(2 * i + 1).padStart(2, '0')}}`;
    const denominator = `#{BENCH_E${String(2 * i + 2).padStart(2, '0')}}`;
    const row = await db.insertInto('indicator').values({
      code, name_vi: `Tỷ lệ thử ${i + 1}`, name_en: `Bench ratio ${i + 1}`, numerator, denominator, factor: 100,
      pillar: (['government', 'economy', 'society', 'foundations'] as const)[i % 4]!, direction: 'higher', framework: 'BENCH', sort: i,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('indicator_target').values({ indicator_id: row.id, org_unit_id: province.id, year: 2030, kind: 'target', value: 120 }).execute();
    indicators.push({ code, numerator, denominator, factor: 100 });
  }

  // One statement per element; the numbers come from a hash, so every run stores the same ones.
  const communes = await listInForce(db, '2024-12-31', { level: 'commune' });
  const communeIds = communes.map((c) => c.id);
  for (const [k, elementId] of elementIds.entries()) {
    await sql`
      INSERT INTO data_value (element_id, org_unit_id, period, period_type, start_date, end_date, coc_id, value, numeric_value, stored_by, source_kind)
      SELECT ${elementId}, u, to_char(m, 'YYYY"M"MM'), 'month', m::date, (m + interval '1 month' - interval '1 day')::date, c, v::text, v, 'bench', 'job'
      FROM unnest(${communeIds}::bigint[]) AS u
      JOIN org_unit o ON o.id = u
      CROSS JOIN generate_series(${`${FIRST}-01-01`}::date, ${'2024-12-01'}::date, interval '1 month') AS m
      CROSS JOIN unnest(${cocIds}::bigint[]) AS c
      CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(${elementId}::text || ':' || u || ':' || m::text || ':' || c)) % 100 AS v) AS x
      WHERE o.valid_from IS NULL OR m >= o.valid_from`.execute(db);
    if (k % 10 === 9 || k === elementIds.length - 1) console.log(`  ${k + 1}/${elementIds.length} elements written`);
  }
  await sql`ANALYZE data_value`.execute(db);
  const count = Number((await db.selectFrom('data_value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  console.log(`${count.toLocaleString('en')} values in ${((performance.now() - t0) / 1000).toFixed(1)} s (${database.kind})`);
  return { database, db, schema, dir, cocIds, elementIds, province, indicators, communeIds, count };
}

/** --keep leaves the PostgreSQL schema in place, to study plans on the full data afterwards. */
export async function closeStore({ database, db, schema, dir }: Store): Promise<void> {
  if (schema && !process.argv.includes('--keep')) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
  else if (schema) console.log(`schema ${schema} kept`);
  await database.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
