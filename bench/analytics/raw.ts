// The same answers from a plain GROUP BY over the raw table, to time ours against and to check them by.
import { sql } from 'kysely';
import type { parsePeriod } from '../../src/core/data/index.js';
import type { Store } from './store.js';

type Period = ReturnType<typeof parsePeriod>;

const ratio = (n: number | undefined, d: number | undefined) => (n === undefined || d === undefined || d === 0 ? null : (n / d) * 100);

/** The first indicator for the province, by month. */
export async function rawProvinceByMonth({ db, communeIds }: Store, [num, den]: [number, number], months: Period[]) {
  const rows = await sql<{ period: string; element_id: number; total: number }>`
    SELECT period, element_id, sum(numeric_value) AS total FROM data_value
    WHERE element_id IN (${num}, ${den}) AND org_unit_id = ANY(${communeIds}::bigint[]) AND NOT deleted
    GROUP BY period, element_id`.execute(db);
  const by = new Map(rows.rows.map((r) => [`${r.period}|${r.element_id}`, Number(r.total)]));
  return months.map((m) => ratio(by.get(`${m.code}|${num}`), by.get(`${m.code}|${den}`)));
}

/** The first indicator for every commune, for one year. */
export async function rawCommunesOneYear({ db, communeIds }: Store, [num, den]: [number, number], year: Period) {
  const rows = await sql<{ org_unit_id: number; element_id: number; total: number }>`
    SELECT org_unit_id, element_id, sum(numeric_value) AS total FROM data_value
    WHERE element_id IN (${num}, ${den}) AND org_unit_id = ANY(${communeIds}::bigint[]) AND start_date >= ${year.start}::date AND end_date <= ${year.end}::date AND NOT deleted
    GROUP BY org_unit_id, element_id`.execute(db);
  const by = new Map(rows.rows.map((r) => [`${r.org_unit_id}|${r.element_id}`, Number(r.total)]));
  return communeIds.map((u) => ratio(by.get(`${u}|${num}`), by.get(`${u}|${den}`)));
}

/** Every indicator of the synthetic framework for the province, by year from the scorecard's first year. */
export async function rawScorecard({ db, communeIds, elementIds, indicators }: Store, years: number[]) {
  const rows = await sql<{ element_id: number; y: number; total: number }>`
    SELECT element_id, extract(year FROM start_date)::int AS y, sum(numeric_value) AS total FROM data_value
    WHERE element_id = ANY(${elementIds}::bigint[]) AND org_unit_id = ANY(${communeIds}::bigint[]) AND start_date >= ${`${years[0]}-01-01`}::date AND NOT deleted
    GROUP BY element_id, y`.execute(db);
  const by = new Map(rows.rows.map((r) => [`${r.element_id}|${r.y}`, Number(r.total)]));
  return indicators.map((_, i) => years.map((y) => ratio(by.get(`${elementIds[2 * i]}|${y}`), by.get(`${elementIds[2 * i + 1]}|${y}`))));
}
