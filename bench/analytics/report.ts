import { median, report, round } from '../common.js';
import type { Measured } from './measure.js';
import type { measureOverview } from './overview.js';
import type { Store } from './store.js';
import { RUNS } from './timing.js';

const line = (name: string, q: { cold: number; p50: number; p95: number }, raw: { p50: number; p95: number }) =>
  console.log(`${name.padEnd(40)} cold ${q.cold.toFixed(1).padStart(8)} ms | warm p50 ${q.p50.toFixed(2).padStart(7)} ms, p95 ${q.p95.toFixed(2).padStart(7)} ms | raw GROUP BY p50 ${raw.p50.toFixed(1).padStart(8)} ms, p95 ${raw.p95.toFixed(1).padStart(8)} ms | warm/raw ${(q.p50 / raw.p50).toFixed(3)}`);

/** One line per question, for people. */
type Overview = Awaited<ReturnType<typeof measureOverview>>;
const overviewLine = (name: string, o: Overview['city']) =>
  console.log(`${name.padEnd(40)} cold ${o.cold.toFixed(1).padStart(8)} ms | warm p50 ${o.p50.toFixed(2).padStart(7)} ms, p95 ${o.p95.toFixed(2).padStart(7)} ms | ${o.pillars} pillars`);

export function printTimings({ q1, raw1, q2, raw2, q3, raw3, afterChange, scorecardAfterRuns, changed, match }: Measured, overview: Overview): void {
  line('indicator, province, by month', q1, raw1);
  line('indicator, every commune, one year', q2, raw2);
  line('scorecard (all indicators by year)', q3, raw3);
  console.log(`after a value changed: indicator by month ${afterChange.ms.toFixed(1)} ms, scorecard ${median(scorecardAfterRuns).toFixed(1)} ms (median of 5), answers ${changed ? 'updated' : 'NOT UPDATED'}; answers equal to the raw GROUP BY: ${match}`);
  overviewLine('IOC overview, city today (HTTP)', overview.city);
  overviewLine('IOC overview, province 2024 (HTTP)', overview.province2024);
  console.log(`IOC overview warm p50 goal < 100 ms: ${overview.city.p50 < 100 ? 'met' : 'NOT MET'}`);
}

/** The closing JSON line, for machines. */
export function printFigures({ database, count }: Store, { q1, raw1, q2, raw2, q3, raw3, afterChange, scorecardAfterRuns, match }: Measured, overview: Overview): void {
  report({
    bench: 'analytics', database: database.kind, values: count, runs: RUNS,
    province_by_month_cold_ms: round(q1.cold, 1), province_by_month_p50_ms: round(q1.p50), province_by_month_p95_ms: round(q1.p95), province_by_month_raw_p50_ms: round(raw1.p50, 1),
    communes_one_year_cold_ms: round(q2.cold, 1), communes_one_year_p50_ms: round(q2.p50), communes_one_year_p95_ms: round(q2.p95), communes_one_year_raw_p50_ms: round(raw2.p50, 1),
    scorecard_cold_ms: round(q3.cold, 1), scorecard_p50_ms: round(q3.p50), scorecard_p95_ms: round(q3.p95), scorecard_raw_p50_ms: round(raw3.p50, 1),
    ratio_scorecard_vs_raw_groupby: round(q3.p50 / raw3.p50, 3), ratio_province_by_month_vs_raw: round(q1.p50 / raw1.p50, 3), ratio_communes_vs_raw: round(q2.p50 / raw2.p50, 3),
    after_change_ms: round(afterChange.ms, 1), scorecard_after_change_ms: round(median(scorecardAfterRuns), 1), answers_match_raw: match,
    ioc_overview_city_cold_ms: round(overview.city.cold, 1), ioc_overview_city_p50_ms: round(overview.city.p50), ioc_overview_city_p95_ms: round(overview.city.p95),
    ioc_overview_province_2024_cold_ms: round(overview.province2024.cold, 1), ioc_overview_province_2024_p50_ms: round(overview.province2024.p50),
  });
}
