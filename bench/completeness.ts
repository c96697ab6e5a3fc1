// The completeness dashboard of one regime over 10 years of history: 13 monthly regimes × every expected unit ×
// 120 months of reports (2016–2025, on the hierarchy of each cut-off). Times the province's dashboard for the latest
// period and its 10-year trend (p50, p95), beside the same figures computed by a plain SQL query over the raw tables
// (units by validity joined with reports), in the same run, as ratios; checks both give the same answers.
// --quick: 2 regimes × 24 months. DATABASE_URL picks PostgreSQL; otherwise PGlite.
import { sql } from 'kysely';
import { SYSTEM } from '../src/core/access/index.js';
import { loadWorkingCalendar } from '../src/core/calendar/index.js';
import { openDatabase } from '../src/db/database.js';
import { dueDate, reportingPeriod, expectedUnits, regimeByCode, saveRegime, completeness, completenessHistory } from '../src/modules/reporting/index.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { quick, report, round } from './common.js';

const REGIMES = quick ? 2 : 13;
const YEARS = quick ? 2 : 10;
const RUNS = quick ? 10 : 40;
const url = process.env.DATABASE_URL;
const schema = url ? `bench_completeness_${process.pid}` : undefined;
const database = await openDatabase({ url, schema });
const db = database.db;
await prepareDatabase(db, { demo: false, adminPassword: 'bench-password-2026' });
const combo = await db.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
await db.insertInto('data_element').values({ code: 'BENCH_C_V', name_vi: 'v', name_en: 'v', value_type: 'integer', agg_units: 'sum', agg_time: 'sum', unit_of_measure: 'n', category_combo_id: combo.id, period_types: '["month"]' }).execute();
const codes = Array.from({ length: REGIMES }, (_, i) => `BENCH_C${String(i + 1).padStart(2, '0')}`);
for (const code of codes) {
  await saveRegime(db, SYSTEM, {
    code, nameVi: code, nameEn: code, kind: 'periodic', content: 'bench', reportingLevel: 'commune', reportingUnitIds: [], reportingUnitType: null, receivingUnitCode: '92', sendingMethod: 'system',
    frequency: 'month', basis: 'decree09', deadline: { kind: 'working_days_after_cutoff', days: 3 }, guidance: null, legalBasis: null, electronic: true,
    form: { sections: [{ code: 'D', kind: 'data', titleVi: 'D', titleEn: 'D', items: [{ element: 'BENCH_C_V', required: true }] }], rules: [] },
  }, { asOf: '2025-07-01' });
}
const calendar = await loadWorkingCalendar(db);
const firstYear = 2026 - YEARS;
const periods = Array.from({ length: YEARS * 12 }, (_, i) => reportingPeriod('month', firstYear + Math.floor(i / 12), (i % 12) + 1));
const t0 = performance.now();
let rows = 0;
for (const code of codes) {
  const regime = await regimeByCode(db, code);
  const form = await db.selectFrom('report_form').select('id').where('regime_id', '=', regime.id).executeTakeFirstOrThrow();
  const batch: object[] = [];
  for (const p of periods) {
    const due = dueDate(p, { kind: 'working_days_after_cutoff', days: 3 }, calendar);
    for (const u of await expectedUnits(db, regime, p)) {
      const k = (u.id * 7919 + rows * 31) % 100;
      if (k < 8) continue; // 8% never submitted
      const state = k < 20 ? 'draft' : k < 30 ? 'submitted' : 'approved';
      const submitted = state === 'draft' ? null : `${k < 40 ? due : p.end}T02:00:00Z`.replace(due, k % 3 ? due : new Date(Date.parse(`${due}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10));
      batch.push({ regime_id: regime.id, form_id: form.id, org_unit_id: u.id, period: p.code, period_start: p.start, period_end: p.end, due_date: due, state, submitted_at: submitted, first_submitted_at: submitted, approvals: '[]' });
      rows++;
    }
  }
  for (let i = 0; i < batch.length; i += 5000) {
    await sql`INSERT INTO report (regime_id, form_id, org_unit_id, period, period_start, period_end, due_date, state, submitted_at, first_submitted_at)
      SELECT r.regime_id, r.form_id, r.org_unit_id, r.period, r.period_start, r.period_end, r.due_date, r.state, r.submitted_at, r.first_submitted_at
      FROM jsonb_populate_recordset(NULL::report, ${JSON.stringify(batch.slice(i, i + 5000))}::jsonb) r`.execute(db);
  }
}
await sql`ANALYZE report`.execute(db);
console.log(`${rows.toLocaleString('en')} reports of ${codes.length} regimes over ${periods.length} months in ${((performance.now() - t0) / 1000).toFixed(1)} s (${database.kind})`);

const admin = { kind: 'system' as const, name: 'bench' };
const regime = await regimeByCode(db, codes[0]!);
const last = periods.at(-1)!;

// The plain SQL answers: expected units by their validity at each cut-off, joined with the reports.
const rawLatest = () => sql<{ expected: number; submitted: number; on_time: number }>`
  SELECT count(*)::int AS expected, count(r.first_submitted_at)::int AS submitted,
    count(*) FILTER (WHERE (r.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= r.due_date)::int AS on_time
  FROM org_unit u LEFT JOIN report r ON r.org_unit_id = u.id AND r.regime_id = ${regime.id} AND r.period = ${last.code}
  WHERE u.level = 'commune' AND (u.valid_from IS NULL OR u.valid_from <= ${last.end}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${last.end}::date)`.execute(db);
const rawTrend = () => sql<{ period: string; expected: number; submitted: number; on_time: number }>`
  SELECT p.period, count(u.id)::int AS expected, count(r.first_submitted_at)::int AS submitted,
    count(r.id) FILTER (WHERE (r.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= r.due_date)::int AS on_time
  FROM (SELECT DISTINCT period, period_end FROM report WHERE regime_id = ${regime.id}) p
  JOIN org_unit u ON u.level = 'commune' AND (u.valid_from IS NULL OR u.valid_from <= p.period_end) AND (u.valid_to IS NULL OR u.valid_to >= p.period_end)
  LEFT JOIN report r ON r.org_unit_id = u.id AND r.regime_id = ${regime.id} AND r.period = p.period
  GROUP BY p.period ORDER BY p.period`.execute(db);
const ours = {
  latest: () => completeness(db, admin, { regime: regime.code, period: last.code }, new Date('2026-01-20T03:00:00Z')),
  trend: () => completenessHistory(db, admin, { regime: regime.code, from: periods[0]!.code, to: last.code }),
};

// Same answers.
const a = await ours.latest();
const b = (await rawLatest()).rows[0]!;
if (a.expected !== b.expected || a.submitted !== b.submitted || a.onTime !== b.on_time) throw new Error(`latest differs: ${JSON.stringify([a.expected, a.submitted, a.onTime])} vs ${JSON.stringify(b)}`);
const trendOurs = await ours.trend();
const trendRaw = (await rawTrend()).rows;
for (const r of trendRaw) {
  const o = trendOurs.find((x) => x.period === r.period);
  if (!o || o.expected !== r.expected || o.submitted !== r.submitted || o.onTime !== r.on_time) throw new Error(`trend differs at ${r.period}: ${JSON.stringify(o)} vs ${JSON.stringify(r)}`);
}

async function time(work: () => Promise<unknown>) {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await work();
    samples.push(performance.now() - s);
  }
  samples.sort((x, y) => x - y);
  return { p50: round(samples[Math.floor(samples.length * 0.5)]!), p95: round(samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]!) };
}
const latest = await time(ours.latest);
const latestRaw = await time(rawLatest);
const trend = await time(ours.trend);
const trendRawT = await time(rawTrend);
console.log(`dashboard, latest period (${last.code}, ${a.expected} units): p50 ${latest.p50} ms, p95 ${latest.p95} ms; plain SQL p50 ${latestRaw.p50} ms, p95 ${latestRaw.p95} ms`);
console.log(`trend over ${periods.length} months: p50 ${trend.p50} ms, p95 ${trend.p95} ms; plain SQL p50 ${trendRawT.p50} ms, p95 ${trendRawT.p95} ms`);
if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
await database.close();
report({
  bench: 'completeness', database: database.kind, reports: rows, months: periods.length,
  latest_p50_ms: latest.p50, latest_p95_ms: latest.p95, raw_latest_p50_ms: latestRaw.p50, ratio_latest_vs_raw: round(latest.p50 / latestRaw.p50),
  trend_p50_ms: trend.p50, trend_p95_ms: trend.p95, raw_trend_p50_ms: trendRawT.p50, ratio_trend_vs_raw: round(trend.p50 / trendRawT.p50),
});
