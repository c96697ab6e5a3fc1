/**
 * Where an indicator stands against its target, from a straight-line projection of its yearly values.
 *
 * - achieved: the latest value already meets the target;
 * - on_track: the trend reaches the target by the target year;
 * - at_risk: the trend covers at least half of the remaining gap by then, or there is a single value (no trend);
 * - off_track: the trend covers less than half of the gap, or moves away from the target;
 * - no_target / no_data: nothing to compare.
 */
export type Status = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_target' | 'no_data';

export interface Point {
  year: number;
  value: number;
}

export interface Assessment {
  status: Status;
  latest: Point | null;
  /** The value the trend gives for the target year, when there are at least two points. */
  projected: number | null;
  /** Units per year of the least-squares line through the points. */
  slope: number | null;
}

export function slopeOf(points: Point[]): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.year - mx) ** 2, 0);
  if (sxx === 0) return null;
  return points.reduce((s, p) => s + (p.year - mx) * (p.value - my), 0) / sxx;
}

export function assess(points: Point[], target: { year: number; value: number } | null, direction: 'higher' | 'lower'): Assessment {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const latest = sorted.at(-1) ?? null;
  const slope = slopeOf(sorted);
  if (!latest) return { status: 'no_data', latest, projected: null, slope };
  if (!target) return { status: 'no_target', latest, projected: null, slope };
  const better = (a: number, b: number) => (direction === 'higher' ? a >= b : a <= b);
  const projected = slope === null ? null : latest.value + slope * (target.year - latest.year);
  if (better(latest.value, target.value)) return { status: 'achieved', latest, projected, slope };
  if (projected === null) return { status: 'at_risk', latest, projected, slope };
  const gap = target.value - latest.value;
  const gain = projected - latest.value;
  const share = gap === 0 ? 1 : gain / gap;
  const status: Status = share >= 1 ? 'on_track' : share >= 0.5 ? 'at_risk' : 'off_track';
  return { status, latest, projected, slope };
}
