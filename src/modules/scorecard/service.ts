import type { Db } from '../../db/database.js';
import type { Locale, Pillar } from '../../db/schema.js';
import { Analytics, parsePeriod } from '../../core/data/index.js';
import { unitCacheFor, getById as getUnit, listInForce } from '../../core/org-units/index.js';
import { notFound } from '../../server/errors.js';
import { indicatorByCode, indicatorsOf, mostTargetedUnit, targetRows } from './repo.js';
import type { Card, ExportFormat } from './schema.js';
import { scorecardCsv, scorecardXlsx } from './export.js';
import { scorecardPdf } from './pdf.js';
import { exportedOn, exportName } from './policy.js';
import { vnDate } from '../../core/calendar/index.js';
import { assess, type Point } from './status.js';

export const FIRST_YEAR = 2019;
export const PILLARS: Pillar[] = ['government', 'economy', 'society', 'foundations'];

type IndicatorRow = Awaited<ReturnType<typeof indicatorsOf>>[number];

/**
 * The unit a framework's targets were set for (Tỉnh Sóc Trăng for Resolution 07), else the unit most targets of any
 * framework were set for (the DTI page has no targets), else the root unit in force: the scorecard's default.
 */
export async function defaultUnitId(db: Db, framework: string, today: string): Promise<number | null> {
  for (const only of [framework, null]) {
    const row = await mostTargetedUnit(db, only);
    if (row) return row.org_unit_id;
  }
  const root = (await listInForce(db, today, { level: 'province' }))[0];
  return root?.id ?? null;
}

const yearsUpTo = (last: number) => Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

async function targetsOf(db: Db, indicatorIds: number[], unitId: number) {
  if (!indicatorIds.length) return new Map<number, { year: number; value: number; source: string | null }[]>();
  const rows = await targetRows(db, indicatorIds, unitId);
  const map = new Map<number, { year: number; value: number; source: string | null }[]>();
  for (const r of rows) map.set(r.indicator_id, [...(map.get(r.indicator_id) ?? []), { year: r.year, value: r.value, source: r.source }]);
  return map;
}

function presentIndicator(i: IndicatorRow) {
  return {
    code: i.code, nameVi: i.name_vi, nameEn: i.name_en, pillar: i.pillar, direction: i.direction, decimals: i.decimals,
    unitLabel: i.unit_label, numerator: i.numerator, denominator: i.denominator, factor: i.factor, source: i.source,
  };
}

/**
 * The scorecard of a framework for a unit: each indicator with its yearly series, latest value, the target that
 * applies to it (the first target year not before the latest value), its status, and its rank among the unit's
 * siblings in the latest year.
 */
export async function scorecard(db: Db, options: { framework: string; unitId: number; now: Date }): Promise<Card> {
  const found = await getUnit(db, options.unitId);
  if (!found) throw notFound('unitId');
  const unit = found;
  const analytics = new Analytics(db);
  const years = yearsUpTo(options.now.getUTCFullYear());
  const periods = years.map((y) => parsePeriod(String(y)));
  const indicators = await indicatorsOf(db, options.framework);
  const targets = await targetsOf(db, indicators.map((i) => i.id), options.unitId);
  const graph = await unitCacheFor(db).graph();
  async function scoreOne(indicator: IndicatorRow) {
    const series = await analytics.indicatorSeries(indicator, options.unitId, periods);
    const points: Point[] = years.flatMap((year, k) => (series[k] === null ? [] : [{ year, value: series[k]! }]));
    const latest = points.at(-1) ?? null;
    const all = targets.get(indicator.id) ?? [];
    const target = all.find((t) => !latest || t.year >= latest.year) ?? all.at(-1) ?? null;
    const assessment = assess(points, target, indicator.direction);
    let rank: { position: number; of: number } | null = null;
    if (latest && unit.parentId !== null) {
      const period = parsePeriod(String(latest.year));
      const asOf = graph.rollup(options.unitId, period.end).asOf;
      const siblings = graph.childrenOn(unit.parentId, asOf);
      if (siblings.length > 1) {
        const answers = await analytics.indicatorValues(indicator, siblings.map((unitId) => ({ unitId, period })));
        const values = siblings.map((id, k) => ({ id, value: answers[k] ?? null }));
        const ranked = values.filter((v) => v.value !== null).sort((a, b) => (indicator.direction === 'higher' ? b.value! - a.value! : a.value! - b.value!));
        const position = ranked.findIndex((v) => v.id === options.unitId);
        if (position >= 0) rank = { position: position + 1, of: ranked.length };
      }
    }
    return { ...presentIndicator(indicator), series, target, targets: all, ...assessment, rank };
  }
  // Indicators are independent: on PostgreSQL they are read over several connections at once.
  const items = await Promise.all(indicators.map(scoreOne));
  return {
    framework: options.framework,
    unit,
    years,
    pillars: PILLARS.map((pillar) => ({ pillar, indicators: items.filter((i) => i.pillar === pillar) })).filter((p) => p.indicators.length),
  };
}

/** One indicator for one unit: its series, targets, status, and the latest year's value of each unit below it. */
export async function indicatorDetail(db: Db, options: { code: string; unitId: number; now: Date }) {
  const indicator = await indicatorByCode(db, options.code);
  if (!indicator) throw notFound('code');
  const unit = await getUnit(db, options.unitId);
  if (!unit) throw notFound('unitId');
  const analytics = new Analytics(db);
  const years = yearsUpTo(options.now.getUTCFullYear());
  const series = await analytics.indicatorSeries(indicator, options.unitId, years.map((y) => parsePeriod(String(y))));
  const points: Point[] = years.flatMap((year, k) => (series[k] === null ? [] : [{ year, value: series[k]! }]));
  const all = (await targetsOf(db, [indicator.id], options.unitId)).get(indicator.id) ?? [];
  const latest = points.at(-1) ?? null;
  const target = all.find((t) => !latest || t.year >= latest.year) ?? all.at(-1) ?? null;
  const year = latest?.year ?? options.now.getUTCFullYear();
  const period = parsePeriod(String(year));
  const graph = await unitCacheFor(db).graph();
  const asOf = graph.rollup(options.unitId, period.end).asOf;
  const childIds = graph.childrenOn(options.unitId, asOf);
  const childUnits = childIds.length ? await Promise.all(childIds.map((id) => getUnit(db, id))) : [];
  const shown = childUnits.filter((c): c is NonNullable<typeof c> => Boolean(c) && c!.level !== 'department');
  const answers = await analytics.indicatorValues(indicator, shown.map((c) => ({ unitId: c.id, period })));
  const children = shown.map((unit, k) => ({ unit, value: answers[k] ?? null }));
  return { indicator: presentIndicator(indicator), unit, years, series, targets: all, target, ...assess(points, target, indicator.direction), childrenYear: year, children };
}

/** The unit asked for, or the framework's default one; 404 when there is none. */
export async function scorecardUnit(db: Db, options: { framework: string; unitId?: number; today: string }): Promise<number> {
  const id = options.unitId ?? (await defaultUnitId(db, options.framework, options.today));
  if (!id) throw notFound('unitId');
  return id;
}

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;

/** The scorecard to forward or print: the file, its type and its name, in the reader's language. */
export async function exportScorecard(db: Db, options: { framework: string; unitId?: number; format: ExportFormat; locale: Locale; now: Date }) {
  const today = vnDate(options.now);
  const card = await scorecard(db, { framework: options.framework, unitId: await scorecardUnit(db, { ...options, today }), now: options.now });
  const on = exportedOn(today, options.locale);
  const body = options.format === 'csv' ? scorecardCsv(card, options.locale)
    : options.format === 'xlsx' ? await scorecardXlsx(card, options.locale, on) : await scorecardPdf(card, options.locale, on);
  return { body, type: TYPES[options.format], name: exportName(options.framework, card.unit.code, today, options.format) };
}
