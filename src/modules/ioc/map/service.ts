import type { Db } from '../../../db/database.js';
import { assertUnitInScope, type Actor } from '../../../core/access/index.js';
import { vnDate } from '../../../core/calendar/index.js';
import { Analytics, elementsByCodes, findIndicator, parsePeriod } from '../../../core/data/index.js';
import { ancestors, boundaries, unitCacheFor } from '../../../core/org-units/index.js';
import { scorecardUnit } from '../../scorecard/index.js';
import { AppError, notFound } from '../../../server/errors.js';
import { rules } from '../service.js';
import { classOf, quantileClasses, ruleClasses } from './classes.js';
import type { MapQuery } from './schema.js';

type Unit = { id: number; code: string; name: string; level: string; type: string };
export const mapUnit = ({ id, code, name, level, type }: Unit): Unit => ({ id, code, name, level, type });

/**
 * The unit on a day, within the caller's units. A unit that does not stand then is absent: a 404 for the page's
 * path, a 400 `reference_not_found` for a query that names it.
 */
export async function unitOnDay(db: Db, actor: Actor, id: number, asOf: string, field: 'id' | 'parent') {
  const inForce = await unitCacheFor(db).inForce(asOf);
  const unit = inForce.find((u) => u.id === id);
  if (!unit) throw field === 'id' ? notFound('id') : new AppError('reference_not_found', { field }, field);
  await assertUnitInScope(db, actor, unit.id, field);
  return { unit, inForce };
}

async function mapTarget(db: Db, query: MapQuery) {
  if (query.indicator) {
    const found = await findIndicator(db, query.indicator);
    if (!found) throw new AppError('reference_not_found', { field: 'indicator' }, 'indicator');
    return { kind: 'indicator' as const, code: found.code, nameVi: found.name_vi, nameEn: found.name_en, definition: found };
  }
  const found = (await elementsByCodes(db, [query.element!]))[0];
  if (!found) throw new AppError('reference_not_found', { field: 'element' }, 'element');
  return { kind: 'element' as const, code: found.code, nameVi: found.nameVi, nameEn: found.nameEn, definition: undefined };
}

/**
 * The choropleth of one indicator or element for a period: the units directly below a unit (the caller's own by
 * default) as the structure stood on the day, departments aside, each with its value, its colour class and whether a polygon is stored
 * for it. A unit with nothing below is shown alone, so the map is never empty.
 */
export async function unitMapView({ db, actor, query, now }: { db: Db; actor: Actor; query: MapQuery; now: Date }) {
  const asOf = query.date ?? vnDate(now);
  const target = await mapTarget(db, query);
  const parentId = await scorecardUnit(db, { unitId: query.parent, actor, asOf });
  const { unit: parent, inForce } = await unitOnDay(db, actor, parentId, asOf, 'parent');
  // The map is of the territory: the departments under a province are not places on it.
  const below = inForce.filter((u) => u.parentId === parent.id && u.level !== 'department');
  const shown = below.length ? below : [parent];
  const period = parsePeriod(query.period);
  const cells = shown.map((u) => ({ unitId: u.id, period }));
  const analytics = new Analytics(db);
  const values = target.definition ? await analytics.indicatorValues(target.definition, cells) : await analytics.elementValues(target.code, cells);
  const rule = (await rules(db)).find((r) => r.active && r.targetKind === target.kind && r.targetCode === target.code && r.unitLevel === shown[0]!.level);
  const classes = rule ? ruleClasses(rule) : quantileClasses(values);
  const drawn = new Set((await boundaries(db, asOf, shown[0]!.level)).map((b) => b.id));
  const withChildren = new Set(inForce.filter((u) => u.level !== 'department').map((u) => u.parentId));
  return {
    asOf, period: period.code, target: { kind: target.kind, code: target.code, nameVi: target.nameVi, nameEn: target.nameEn },
    parent: mapUnit(parent), ancestors: (await ancestors(db, parent.id)).map(mapUnit), basis: rule ? 'rule' as const : 'quantiles' as const, classes,
    units: shown.map((u, i) => ({
      ...mapUnit(u), value: values[i] ?? null, colourClass: classOf(values[i] ?? null, classes, rule),
      geometryId: drawn.has(u.id) ? u.id : null, hasChildren: withChildren.has(u.id),
    })),
  };
}
