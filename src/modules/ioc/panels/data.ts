import { assertUnitInScope, type Actor } from '../../../core/access/index.js';
import { addDays, vnDate } from '../../../core/calendar/index.js';
import { Analytics, findIndicator, periodOf, type Period } from '../../../core/data/index.js';
import { unitCacheFor, unitsBelow } from '../../../core/org-units/index.js';
import type { Db } from '../../../db/database.js';
import { notFound } from '../../../server/errors.js';
import { scorecardUnit } from '../../scorecard/index.js';
import { breaches } from '../policy.js';
import { listRules, ruleView } from '../repo.js';
import type { RuleView } from '../schema.js';
import { statusOf, trendOf } from './policy.js';
import { listPanels, panelView } from './repo.js';
import type { PanelData, PanelView } from './schema.js';
import { isField } from './service.js';

type UnitRow = { id: number; name: string; level: string; parentId: number | null };

/** The periods of a type ending with the one holding a day, oldest first. */
function periodsBack(type: Period['type'], date: string, count: number): Period[] {
  const out = [periodOf(type, date)];
  while (out.length < count) out.unshift(periodOf(type, addDays(out[0]!.start, -1)));
  return out;
}

async function figures(db: Db, analytics: Analytics, panel: PanelView, cells: { unitId: number; period: Period }[]) {
  if (panel.targetKind === 'element') return analytics.elementValues(panel.targetCode, cells).catch(() => cells.map(() => null));
  const indicator = await findIndicator(db, panel.targetCode);
  return indicator ? analytics.indicatorValues(indicator, cells) : cells.map(() => null);
}

async function onePanel(db: Db, analytics: Analytics, panel: PanelView, unit: UnitRow, below: UnitRow[], date: string, rules: RuleView[]) {
  const own = rules.filter((r) => r.targetKind === panel.targetKind && r.targetCode === panel.targetCode);
  const status = (level: string, value: number | null) => statusOf(own.filter((r) => r.unitLevel === level), value, breaches);
  const count = panel.kind === 'trend' ? (panel.options.periods ?? 12) : 2;
  const periods = periodsBack(panel.periodType, date, count);
  const series = await figures(db, analytics, panel, periods.map((period) => ({ unitId: unit.id, period })));
  const value = series.at(-1) ?? null;
  const previous = series.at(-2) ?? null;
  let points: PanelData['panels'][number]['points'] = [];
  if (panel.kind === 'trend') points = periods.map((p, i) => ({ label: p.code, unitId: null, value: series[i] ?? null, status: status(unit.level, series[i] ?? null).status }));
  if (panel.kind === 'bar' || panel.kind === 'table' || panel.kind === 'map') {
    const ofLevel = below.filter((u) => u.level === panel.unitLevel);
    const period = periods.at(-1)!;
    const values = await figures(db, analytics, panel, ofLevel.map((u) => ({ unitId: u.id, period })));
    points = ofLevel.map((u, i) => ({ label: u.name, unitId: u.id, value: values[i] ?? null, status: status(u.level, values[i] ?? null).status }))
      .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
    if (panel.kind !== 'map' && panel.options.limit) points = points.slice(0, panel.options.limit);
  }
  const overall = status(unit.level, value);
  return { panelId: panel.id, kind: panel.kind, period: periods.at(-1)!.code, value, previous, trend: trendOf(value, previous), status: overall.status, severity: overall.severity, points };
}

/**
 * A field's panels with their figures for a unit on a day (the caller's unit and today unless asked): each figure
 * through the data-value store's analytics, its status from the rules on the same indicator at the unit's level.
 */
export async function fieldPanelData(options: { db: Db; actor: Actor; code: string; query: { unit?: number; date?: string }; now: Date }): Promise<PanelData> {
  const { db, actor, code, query, now } = options;
  const date = query.date ?? vnDate(now);
  if (!(await isField(db, code))) throw notFound('code');
  if (query.unit) await assertUnitInScope(db, actor, query.unit, 'unit');
  const unitId = await scorecardUnit(db, { unitId: query.unit, actor, asOf: date });
  const units = (await unitCacheFor(db).inForce(date)) as UnitRow[];
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw notFound('unit');
  const [panels, rules] = await Promise.all([listPanels(db, code), listRules(db, true).then((rows) => rows.map(ruleView))]);
  // The units at or below the unit, once for all panels, in the hierarchy's order.
  const area = unitsBelow(units, unit.id);
  const below = units.filter((u) => area.has(u.id));
  const analytics = new Analytics(db);
  const answered = await Promise.all(panels.map((p) => onePanel(db, analytics, panelView(p), unit, below, date, rules)));
  return { field: code, unit: { id: unit.id, name: unit.name }, date, panels: answered };
}
