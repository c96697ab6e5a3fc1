import { breaches } from '../policy.js';
import type { RuleView } from '../schema.js';
import type { ColourClass } from './schema.js';

const MAX_CLASSES = 5;

/** Up to five classes cut at the quantiles of the values shown, so each colour holds about as many units. */
export function quantileClasses(values: (number | null)[]): ColourClass[] {
  const sorted = [...new Set(values.filter((v): v is number => v !== null && Number.isFinite(v)))].sort((a, b) => a - b);
  if (!sorted.length) return [];
  const count = Math.min(MAX_CLASSES, sorted.length);
  const cuts: number[] = [];
  for (let i = 1; i < count; i++) {
    const cut = sorted[Math.floor((i * sorted.length) / count)]!;
    if (!cuts.includes(cut)) cuts.push(cut);
  }
  const edges = [null, ...cuts, null];
  return edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] ?? null, breach: false }));
}

/** Two classes on a rule's threshold: the values that break it, and the others. */
export function ruleClasses(rule: Pick<RuleView, 'comparator' | 'threshold'>): ColourClass[] {
  const low = rule.comparator === '<' || rule.comparator === '<=';
  return [
    { from: low ? null : rule.threshold, to: low ? rule.threshold : null, breach: true },
    { from: low ? rule.threshold : null, to: low ? null : rule.threshold, breach: false },
  ];
}

/** The class of a value: its index in the classes, or null when the unit has no value. */
export function classOf(value: number | null, classes: ColourClass[], rule?: Pick<RuleView, 'comparator' | 'threshold'>): number | null {
  if (value === null || !Number.isFinite(value) || !classes.length) return null;
  if (rule) return breaches(rule, value) ? 0 : 1;
  const i = classes.findIndex((c) => (c.from === null || value >= c.from) && (c.to === null || value < c.to));
  return i < 0 ? classes.length - 1 : i;
}
