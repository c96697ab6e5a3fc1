import { DATA_ACCESS } from '../policy.js';

/** Indicators are read by everyone who reads figures; formulas, targets and baselines are kept by administrators. */
export const INDICATOR_POLICY = {
  read: DATA_ACCESS.read,
  keep: DATA_ACCESS.catalogue,
} as const;

/** Each (year, kind) once in a set of targets: the index of the first repeat, or -1. */
export function repeatedTarget(targets: { year: number; kind: string }[]): number {
  const seen = new Set<string>();
  return targets.findIndex((t) => {
    const key = `${t.year}:${t.kind}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}
