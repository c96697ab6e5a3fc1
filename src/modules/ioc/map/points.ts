import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../core/access/index.js';
import { listAlerts } from '../../../core/alerts/index.js';
import { vnDate } from '../../../core/calendar/index.js';
import { boundaries } from '../../../core/org-units/index.js';
import { openCasePoints } from '../../feedback/index.js';
import { scorecardUnit } from '../../scorecard/index.js';
import type { PointsQuery } from './schema.js';
import { unitOnDay } from './service.js';

type Position = number[];
/** The middle of a polygon's bounding box: where an alert of a unit without a point of its own is pinned. */
export function boxCentre(geometry: { type: string; coordinates: unknown }): { lat: number; lon: number } {
  const positions = (geometry.coordinates as unknown[]).flat(geometry.type === 'MultiPolygon' ? 2 : 1) as Position[];
  const lons = positions.map((p) => p[0]!), lats = positions.map((p) => p[1]!);
  return { lon: (Math.min(...lons) + Math.max(...lons)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
}

/**
 * The map's layers of points below a unit on a day: open feedback cases with a point, and active alerts at their
 * point or, lacking one, at the middle of their unit's (or the nearest ancestor's) boundary. Both are the caller's
 * units only, and carry no personal data.
 */
export async function mapPoints({ db, actor, query, now }: { db: Db; actor: Actor; query: PointsQuery; now: Date }) {
  const asOf = query.date ?? vnDate(now);
  const parentId = await scorecardUnit(db, { unitId: query.parent, actor, asOf });
  const { unit: parent, inForce } = await unitOnDay(db, actor, parentId, asOf, 'parent');
  const parentOf = new Map(inForce.map((u) => [u.id, u.parentId]));
  const isBelow = (id: number | null | undefined) => {
    for (let at = id ?? null, hops = 0; at !== null && hops < 10; at = parentOf.get(at) ?? null, hops++) if (at === parent.id) return true;
    return false;
  };
  const points: { layer: 'case' | 'alert'; ref: string; lat: number; lon: number; approximate: boolean; unitId: number | null; state: string; severity: string | null; label: { vi: string; en: string } }[] = [];
  if (query.layers.includes('cases')) {
    for (const c of await openCasePoints({ db, actor })) {
      if (!isBelow(c.unitId)) continue;
      points.push({ layer: 'case', ref: c.trackingCode, lat: c.lat, lon: c.lon, approximate: false, unitId: c.unitId, state: c.state, severity: null, label: { vi: c.category, en: c.category } });
    }
  }
  if (query.layers.includes('alerts')) {
    const centres = new Map((await boundaries(db, asOf)).map((b) => [b.id, boxCentre(b.geometry as never)]));
    const centreOf = (id: number | null) => {
      for (let at = id, hops = 0; at !== null && hops < 10; at = parentOf.get(at) ?? null, hops++) if (centres.has(at)) return centres.get(at)!;
      return undefined;
    };
    for (const a of (await listAlerts({ db, actor, query: { state: 'active', limit: 500 } })).alerts) {
      const unitId = a.unit?.id ?? null;
      if (!isBelow(unitId)) continue;
      const at = a.location ?? centreOf(unitId);
      if (!at) continue;
      points.push({ layer: 'alert', ref: String(a.id), lat: at.lat, lon: at.lon, approximate: !a.location, unitId, state: a.state, severity: a.severity, label: a.title });
    }
  }
  return { asOf, parent: { id: parent.id, name: parent.name }, points };
}
