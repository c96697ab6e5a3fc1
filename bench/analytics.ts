// Analytics latency over a large synthetic store, beside a plain GROUP BY over the raw table in the same run.
// Full: all 108 communes of 2024 × 60 elements × 120 months × 12 disaggregations ≈ 9.3 million values.
// --quick: 6 elements × 24 months. DATABASE_URL picks PostgreSQL; otherwise PGlite in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Analytics, parsePeriod, periodsWithin } from '../src/core/data/index.js';
import { findByCode, listInForce } from '../src/core/org-units/index.js';
import { openDatabase } from '../src/db/database.js';
import { scorecard } from '../src/modules/scorecard/index.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { median, quick, report, round } from './common.js';

const ELEMENTS = quick ? 6 : 60;
const YEARS = quick ? 2 : 10;
const FIRST = 2025 - YEARS;
const RUNS = quick ? 5 : 20;
const SEXES = ['F', 'M'];
const AGES = ['0_14', '15_24', '25_34', '35_49', '50_64', '65P'];

const url = process.env.DATABASE_URL;
const schema = url ? `bench_analytics_${process.pid}` : undefined;
const dir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-'));
const database = await openDatabase(url ? { url, schema } : { pgliteDir: path.join(dir!, 'db') });
const db = database.db;
const t0 = performance.now();
await prepareDatabase(db, { demo: false, adminPassword: 'bench-password-2026' });

// Metadata: a sex × age combination and the synthetic elements and indicators.
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
const indicators: { code: string; numerator: string; denominator: string; factor: number }[] = [];
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

// Values, one statement per element, only while each commune existed; the numbers come from a hash, so every run
// stores the same ones.
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

const analytics = new Analytics(db);
const months = periodsWithin({ code: 'x', type: 'year', start: `${FIRST}-01-01`, end: '2024-12-31' }, 'month');
const lastYear = parsePeriod('2024');
const indicator = indicators[0]!;
const [num, den] = [elementIds[0]!, elementIds[1]!];

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
async function measure<T>(work: () => Promise<T>) {
  await db.deleteFrom('analytics_cache').execute();
  const cold = await time(work);
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push((await time(work)).ms);
  return { cold: cold.ms, p50: median(warm), p95: p95(warm), result: cold.result };
}
async function measureRaw<T>(work: () => Promise<T>) {
  const runs: number[] = [];
  let result!: T;
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    const r = await time(work);
    runs.push(r.ms);
    result = r.result;
  }
  return { p50: median(runs), p95: p95(runs), result };
}
const close = (a: (number | null)[], b: (number | null)[]) => a.length === b.length && a.every((x, i) => (x === null ? b[i] === null : b[i] !== null && Math.abs(x - b[i]!) < 1e-6 * Math.max(1, Math.abs(x))));

// 1. One indicator for the province, by month over the whole range.
const q1 = await measure(() => analytics.indicatorValues(indicator, months.map((period) => ({ unitId: province.id, period }))));
const raw1 = await measureRaw(async () => {
  const rows = await sql<{ period: string; element_id: number; total: number }>`
    SELECT period, element_id, sum(numeric_value) AS total FROM data_value
    WHERE element_id IN (${num}, ${den}) AND org_unit_id = ANY(${communeIds}::bigint[]) AND NOT deleted
    GROUP BY period, element_id`.execute(db);
  const by = new Map(rows.rows.map((r) => [`${r.period}|${r.element_id}`, Number(r.total)]));
  return months.map((m) => {
    const n = by.get(`${m.code}|${num}`);
    const d = by.get(`${m.code}|${den}`);
    return n === undefined || d === undefined || d === 0 ? null : (n / d) * 100;
  });
});

// 2. One indicator for every commune, for one year.
const q2 = await measure(() => analytics.indicatorValues(indicator, communeIds.map((unitId) => ({ unitId, period: lastYear }))));
const raw2 = await measureRaw(async () => {
  const rows = await sql<{ org_unit_id: number; element_id: number; total: number }>`
    SELECT org_unit_id, element_id, sum(numeric_value) AS total FROM data_value
    WHERE element_id IN (${num}, ${den}) AND org_unit_id = ANY(${communeIds}::bigint[]) AND start_date >= ${lastYear.start}::date AND end_date <= ${lastYear.end}::date AND NOT deleted
    GROUP BY org_unit_id, element_id`.execute(db);
  const by = new Map(rows.rows.map((r) => [`${r.org_unit_id}|${r.element_id}`, Number(r.total)]));
  return communeIds.map((u) => {
    const n = by.get(`${u}|${num}`);
    const d = by.get(`${u}|${den}`);
    return n === undefined || d === undefined || d === 0 ? null : (n / d) * 100;
  });
});

// 3. The whole scorecard of the synthetic framework for the province (each indicator by year, status, target).
const now = new Date('2024-12-31T12:00:00Z');
const q3 = await measure(() => scorecard(db, { framework: 'BENCH', unitId: province.id, now }));
const scoreYears = q3.result.years;
const raw3 = await measureRaw(async () => {
  const rows = await sql<{ element_id: number; y: number; total: number }>`
    SELECT element_id, extract(year FROM start_date)::int AS y, sum(numeric_value) AS total FROM data_value
    WHERE element_id = ANY(${elementIds}::bigint[]) AND org_unit_id = ANY(${communeIds}::bigint[]) AND start_date >= ${`${scoreYears[0]}-01-01`}::date AND NOT deleted
    GROUP BY element_id, y`.execute(db);
  const by = new Map(rows.rows.map((r) => [`${r.element_id}|${r.y}`, Number(r.total)]));
  return indicators.map((_, i) => scoreYears.map((y) => {
    const n = by.get(`${elementIds[2 * i]}|${y}`);
    const d = by.get(`${elementIds[2 * i + 1]}|${y}`);
    return n === undefined || d === undefined || d === 0 ? null : (n / d) * 100;
  }));
});
const ours3 = q3.result.pillars.flatMap((p) => p.indicators).sort((a, b) => a.code.localeCompare(b.code)).map((i) => i.series);

// 4. The moment a value changes: write one, read the indicator by month and the whole scorecard again. Only the
// answers about the changed element's year are computed again (data versions per element and year).
await analytics.indicatorValues(indicator, months.map((period) => ({ unitId: province.id, period }))); // cached again (measuring the scorecard emptied the cache)
const seriesOf = (card: typeof q3.result) => card.pillars.flatMap((p) => p.indicators).find((i) => i.code === indicator.code)!.series;
await db.updateTable('data_value').set({ numeric_value: 5000, value: '5000' }).where('element_id', '=', num).where('org_unit_id', '=', communeIds[0]!).where('period', '=', '2024M12').where('coc_id', '=', cocIds[0]!).execute();
const afterChange = await time(() => analytics.indicatorValues(indicator, months.map((period) => ({ unitId: province.id, period }))));
const rawAfter = await raw1.result; // the raw answer before the change, to show the new one differs
// Five changes, each followed by the whole scorecard: the median is the figure (one sample is at the mercy of the machine).
const scorecardAfterRuns: number[] = [];
let scorecardAfter!: Awaited<ReturnType<typeof time<typeof q3.result>>>;
for (let k = 0; k < 5; k++) {
  await db.updateTable('data_value').set({ numeric_value: 6000 + k, value: String(6000 + k) }).where('element_id', '=', num).where('org_unit_id', '=', communeIds[0]!).where('period', '=', `2024M0${k + 1}`).where('coc_id', '=', cocIds[0]!).execute();
  scorecardAfter = await time(() => scorecard(db, { framework: 'BENCH', unitId: province.id, now }));
  scorecardAfterRuns.push(scorecardAfter.ms);
}
const changed = afterChange.result.at(-1) !== rawAfter.at(-1) && seriesOf(scorecardAfter.result).at(-1) !== seriesOf(q3.result).at(-1)
  && seriesOf(scorecardAfter.result).slice(0, -1).every((v, i) => v === seriesOf(q3.result)[i]);

const matches = { province_by_month: close(q1.result, raw1.result), communes_one_year: close(q2.result, raw2.result), scorecard: ours3.every((s, i) => close(s, raw3.result[i]!)) };
const match = Object.values(matches).every(Boolean);
if (!match) console.log('answers that differ from the raw GROUP BY:', matches, JSON.stringify({ ours: ours3[0], raw: raw3.result[0], q1: q1.result.slice(-3), r1: raw1.result.slice(-3), q2: q2.result.slice(0, 3), r2: raw2.result.slice(0, 3) }));
const line = (name: string, q: { cold: number; p50: number; p95: number }, raw: { p50: number; p95: number }) =>
  console.log(`${name.padEnd(40)} cold ${q.cold.toFixed(1).padStart(8)} ms | warm p50 ${q.p50.toFixed(2).padStart(7)} ms, p95 ${q.p95.toFixed(2).padStart(7)} ms | raw GROUP BY p50 ${raw.p50.toFixed(1).padStart(8)} ms, p95 ${raw.p95.toFixed(1).padStart(8)} ms | warm/raw ${(q.p50 / raw.p50).toFixed(3)}`);
line('indicator, province, by month', q1, raw1);
line('indicator, every commune, one year', q2, raw2);
line('scorecard (all indicators by year)', q3, raw3);
console.log(`after a value changed: indicator by month ${afterChange.ms.toFixed(1)} ms, scorecard ${median(scorecardAfterRuns).toFixed(1)} ms (median of 5), answers ${changed ? 'updated' : 'NOT UPDATED'}; answers equal to the raw GROUP BY: ${match}`);

// --keep leaves the PostgreSQL schema in place, to study plans on the full data afterwards.
if (schema && !process.argv.includes('--keep')) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
else if (schema) console.log(`schema ${schema} kept`);
await database.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
if (!match || !changed) process.exitCode = 1;
report({
  bench: 'analytics', database: database.kind, values: count, runs: RUNS,
  province_by_month_cold_ms: round(q1.cold, 1), province_by_month_p50_ms: round(q1.p50), province_by_month_p95_ms: round(q1.p95), province_by_month_raw_p50_ms: round(raw1.p50, 1),
  communes_one_year_cold_ms: round(q2.cold, 1), communes_one_year_p50_ms: round(q2.p50), communes_one_year_p95_ms: round(q2.p95), communes_one_year_raw_p50_ms: round(raw2.p50, 1),
  scorecard_cold_ms: round(q3.cold, 1), scorecard_p50_ms: round(q3.p50), scorecard_p95_ms: round(q3.p95), scorecard_raw_p50_ms: round(raw3.p50, 1),
  ratio_scorecard_vs_raw_groupby: round(q3.p50 / raw3.p50, 3), ratio_province_by_month_vs_raw: round(q1.p50 / raw1.p50, 3), ratio_communes_vs_raw: round(q2.p50 / raw2.p50, 3),
  after_change_ms: round(afterChange.ms, 1), scorecard_after_change_ms: round(median(scorecardAfterRuns), 1), answers_match_raw: match,
});
