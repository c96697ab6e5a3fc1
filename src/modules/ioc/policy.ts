import { ACCESS, type Access } from '../../core/access/index.js';
import type { RuleView } from './schema.js';

/** The operations centre is read by every person and by wall screens; its rules are set by administrators. */
export const IOC_POLICY = {
  read: ACCESS.readers(['wall']),
  configure: ACCESS.admins,
} as const satisfies Record<string, Access>;

/** Whether a value breaks a rule; no value breaks none (a unit that has not reported is the completeness screen's). */
export function breaches(rule: Pick<RuleView, 'comparator' | 'threshold'>, value: number | null): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  switch (rule.comparator) {
    case '<': return value < rule.threshold;
    case '<=': return value <= rule.threshold;
    case '>': return value > rule.threshold;
    case '>=': return value >= rule.threshold;
  }
}
