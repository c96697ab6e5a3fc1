import type { RuleView } from '../schema.js';

type Threshold = Pick<RuleView, 'comparator' | 'threshold' | 'severity'>;
const RANK = ['critical', 'major', 'minor', 'warning', 'info'];

/**
 * A figure's status against the rules on its indicator: 'breach' (with the gravest severity broken) when one breaks,
 * 'ok' when rules exist and none breaks, null when no rule or no value says anything.
 */
export function statusOf(rules: Threshold[], value: number | null, breaches: (rule: Threshold, value: number | null) => boolean) {
  if (!rules.length || value === null) return { status: null, severity: null };
  const broken = rules.filter((r) => breaches(r, value)).sort((a, b) => RANK.indexOf(a.severity) - RANK.indexOf(b.severity));
  return broken.length ? { status: 'breach' as const, severity: broken[0]!.severity } : { status: 'ok' as const, severity: null };
}

/** Which way a figure moved since the period before: within a thousandth of the earlier value is flat. */
export function trendOf(value: number | null, previous: number | null): 'up' | 'down' | 'flat' | null {
  if (value === null || previous === null) return null;
  const tolerance = Math.abs(previous) / 1000;
  if (Math.abs(value - previous) <= tolerance) return 'flat';
  return value > previous ? 'up' : 'down';
}
