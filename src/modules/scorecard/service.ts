import type { Db } from '../../db/database.js';
import type { Locale, Pillar } from '../../db/schema.js';
import type { Actor } from '../../core/access/index.js';
import { Analytics, parsePeriod, unitInEnglish } from '../../core/data/index.js';
import { unitCacheFor, getById as getUnit, listInForce } from '../../core/org-units/index.js';
import { notFound } from '../../server/errors.js';
import { indicatorsOf } from './repo.js';
import type { Card, ExportFormat } from './schema.js';
import { scorecardCsv, scorecardXlsx } from './export.js';
import { scorecardPdf } from './pdf.js';
import { exportedOn, exportName } from './policy.js';
import { vnDate } from '../../core/calendar/index.js';
import { assess, type Point } from './status.js';
import { targetFor, targetsOf } from './targets.js';

export const FIRST_YEAR = 2019;
export const PILLARS: Pillar[] = ['government', 'economy', 'society', 'foundations'];

type IndicatorRow = Awaited<ReturnType<typeof indicatorsOf>>[number];

/** The day a screen stands on: the one asked for, today when none or a later one (there are no figures yet). */
export const asOfDay = (asked: string | undefined, now: Date) => {
  const today = vnDate(now);
  return asked && asked < today ? asked : today;
};

export const yearsUpTo = (last: number) => Array.from({ length: Math.max(0, last - FIRST_YEAR + 1) }, (_, i) => FIRST_YEAR + i);

/**
 * The unit asked for; otherwise the one a screen opens on: the caller's own unit as it stands on `asOf` (a unit that
 * ceased is represented by its successor: Tỉnh Sóc Trăng by Thành phố Cần Thơ), else the province in force on that day.
 */
export async function scorecardUnit(db: Db, options: { unitId?: number; actor?: Actor; asOf: string }): Promise<number> {
  if (options.unitId) return options.unitId;
  const actor = options.actor;
  const own = actor && (actor.kind === 'user' || actor.kind === 'token') ? actor.orgUnitId : null;
  if (own) {
    const here = (await unitCacheFor(db).graph()).representative(own, options.asOf);
    if (here !== null) return here;
  }
  const root = (await listInForce(db, options.asOf, { level: 'province' }))[0];
  if (!root) throw notFound('unitId');
  return root.id;
}

export function presentIndicator(i: IndicatorRow) {
  return {
    code: i.code, nameVi: i.name_vi, nameEn: i.name_en, pillar: i.pillar, direction: i.direction, decimals: i.decimals,
    unitLabel: i.unit_label, unitLabelEn: unitInEnglish(i.unit_label), numerator: i.numerator, denominator: i.denominator, factor: i.factor, source: i.source,
  };
}

/** The units a unit succeeded whose figures its history includes (Tỉnh Sóc Trăng's, for Thành phố Cần Thơ). */
export async function historyOf(db: Db, unitId: number, asOf: string) {
  const graph = await unitCacheFor(db).graph();
  const ids = graph.rollup(unitId, asOf).own.filter((id) => id !== unitId);
  const units = await Promise.all(ids.map((id) => getUnit(db, id)));
  return units.filter((u): u is NonNullable<typeof u> => Boolean(u)).map((u) => ({ id: u.id, name: u.name, validTo: u.validTo }));
}

/**
 * The scorecard of a framework for a unit as of a day: each indicator with its yearly series up to that year, latest
 * value, the target of that value's year (targets.ts), its status, and its rank among the unit's siblings.
 */
export async function scorecard(db: Db, options: { framework: string; unitId: number; asOf: string }): Promise<Card> {
  const unit = await getUnit(db, options.unitId);
  if (!unit) throw notFound('unitId');
  const analytics = new Analytics(db);
  const years = yearsUpTo(Number(options.asOf.slice(0, 4)));
  const periods = years.map((y) => parsePeriod(String(y)));
  const indicators = await indicatorsOf(db, options.framework);
  const targets = await targetsOf(db, indicators.map((i) => i.id), options.unitId, options.asOf);
  const graph = await unitCacheFor(db).graph();
  async function scoreOne(indicator: IndicatorRow) {
    const series = await analytics.indicatorSeries(indicator, options.unitId, periods);
    const points: Point[] = years.flatMap((year, k) => (series[k] === null ? [] : [{ year, value: series[k]! }]));
    const latest = points.at(-1) ?? null;
    const all = targets.get(indicator.id) ?? [];
    const target = targetFor(all, latest?.year ?? years.at(-1) ?? FIRST_YEAR);
    const assessment = assess(points, target, indicator.direction);
    let rank: { position: number; of: number } | null = null;
    if (latest && unit!.parentId !== null) {
      const period = parsePeriod(String(latest.year));
      const asOf = graph.rollup(options.unitId, period.end).asOf;
      const siblings = graph.childrenOn(unit!.parentId, asOf);
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
    asOf: options.asOf,
    history: await historyOf(db, options.unitId, options.asOf),
    years,
    pillars: PILLARS.map((pillar) => ({ pillar, indicators: items.filter((i) => i.pillar === pillar) })).filter((p) => p.indicators.length),
  };
}

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;

/** The scorecard to forward or print: the file, its type and its name, in the reader's language. */
export async function exportScorecard(db: Db, options: { framework: string; unitId?: number; asOf?: string; actor?: Actor; format: ExportFormat; locale: Locale; now: Date }) {
  const today = vnDate(options.now);
  const asOf = asOfDay(options.asOf, options.now);
  const card = await scorecard(db, { framework: options.framework, unitId: await scorecardUnit(db, { ...options, asOf }), asOf });
  const on = exportedOn(today, options.locale);
  const body = options.format === 'csv' ? scorecardCsv(card, options.locale)
    : options.format === 'xlsx' ? await scorecardXlsx(card, options.locale, on) : await scorecardPdf(card, options.locale, on);
  return { body, type: TYPES[options.format], name: exportName(options.framework, card.unit.code, today, options.format) };
}
