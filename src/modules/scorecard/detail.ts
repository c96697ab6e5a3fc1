import type { Db } from '../../db/database.js';
import { Analytics, parsePeriod } from '../../core/data/index.js';
import { unitCacheFor, getById as getUnit } from '../../core/org-units/index.js';
import { notFound } from '../../server/errors.js';
import { indicatorByCode } from './repo.js';
import { FIRST_YEAR, historyOf, presentIndicator, yearsUpTo } from './service.js';
import { assess, type Point } from './status.js';
import { targetFor, targetsOf } from './targets.js';

/**
 * One indicator for one unit as of a day: its series, targets, status, and what the store holds for the units below
 * it: the latest year (up to the as-of year) in which any of them holds a figure, the units that hold one, and how
 * many do not. A figure reported by the province alone lists no unit below.
 */
export async function indicatorDetail(db: Db, options: { code: string; unitId: number; asOf: string }) {
  const indicator = await indicatorByCode(db, options.code);
  if (!indicator) throw notFound('code');
  const unit = await getUnit(db, options.unitId);
  if (!unit) throw notFound('unitId');
  const analytics = new Analytics(db);
  const years = yearsUpTo(Number(options.asOf.slice(0, 4)));
  const series = await analytics.indicatorSeries(indicator, options.unitId, years.map((y) => parsePeriod(String(y))));
  const points: Point[] = years.flatMap((year, k) => (series[k] === null ? [] : [{ year, value: series[k]! }]));
  const all = (await targetsOf(db, [indicator.id], options.unitId, options.asOf)).get(indicator.id) ?? [];
  const latest = points.at(-1) ?? null;
  const last = years.at(-1) ?? FIRST_YEAR;
  const target = targetFor(all, latest?.year ?? last);

  // The units below in each year's hierarchy, departments aside, asked together.
  const graph = await unitCacheFor(db).graph();
  const asked = years.map((year) => {
    const period = parsePeriod(String(year));
    const ids = graph.childrenOn(options.unitId, graph.rollup(options.unitId, period.end).asOf);
    return { year, period, ids };
  });
  const units = new Map((await Promise.all([...new Set(asked.flatMap((a) => a.ids))].map((id) => getUnit(db, id))))
    .filter((u): u is NonNullable<typeof u> => Boolean(u) && u!.level !== 'department').map((u) => [u.id, u]));
  const cells = asked.flatMap((a) => a.ids.filter((id) => units.has(id)).map((unitId) => ({ year: a.year, unitId, period: a.period })));
  const answers = await analytics.indicatorValues(indicator, cells);
  const held = cells.map((c, k) => ({ ...c, value: answers[k] ?? null })).filter((c) => c.value !== null);
  const childrenYear = held.reduce((y, c) => Math.max(y, c.year), 0) || last;
  const inYear = asked.find((a) => a.year === childrenYear);
  const children = held.filter((c) => c.year === childrenYear).map((c) => ({ unit: units.get(c.unitId)!, value: c.value }));
  const below = inYear ? inYear.ids.filter((id) => units.has(id)).length : 0;
  return {
    indicator: presentIndicator(indicator), unit, asOf: options.asOf, history: await historyOf(db, options.unitId, options.asOf), years, series,
    targets: all, target, ...assess(points, target, indicator.direction), childrenYear, children, childrenWithout: below - children.length,
  };
}
