import { ACCESS, type Access, type Actor } from '../../core/access/index.js';
import type { ReportState } from '../../db/schema.js';

/** Who may do what in periodic reporting. */
export const REPORTING_POLICY = {
  /** Every user, and systems with a token of scope "reports"; what each sees is cut to its units by the use case. */
  read: ACCESS.readers(['reports']),
  /** Units submit through the web or, with an API token of scope "reports" bound to their unit, from their own software. */
  submit: { roles: ['admin', 'officer', 'reviewer'], tokenScopes: ['reports'] },
  review: ACCESS.officers,
  configure: ACCESS.admins,
} as const satisfies Record<string, Access>;

/**
 * The life of a report:
 *   draft ─submit→ submitted ─approve (each level of the chain)→ … ─approve (province)→ approved
 *                      └─return (with comments)→ returned ─submit→ submitted
 *   approved ─unlock (with a reason)→ returned
 * A report can be edited only as a draft or when returned; approval locks it.
 */
export const EDITABLE: ReportState[] = ['draft', 'returned'];

export const isAdmin = (actor: Actor) => actor.kind === 'user' && actor.role === 'admin';

/** The unit an actor works for: a user's, or the unit a token is bound to. */
export const actorUnitOf = (actor: Actor): number | null => (actor.kind === 'user' || actor.kind === 'token' ? actor.orgUnitId : null);

/** Who approves a unit's report, lowest first: its ancestors on a day's hierarchy, up to the province. */
export function chainIn(units: { id: number; parentId: number | null; level: string }[], unitId: number): number[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: number[] = [];
  for (let u = byId.get(unitId); u?.parentId;) {
    const parent = byId.get(u.parentId);
    if (!parent) break;
    chain.push(parent.id);
    if (parent.level === 'province') break;
    u = parent;
  }
  return chain;
}

/** A unit's standing for a period: submitted by the deadline or after it, or not yet (missing once it has passed). */
export function submissionStatus(submittedOn: string | null, due: string, today: string): 'on_time' | 'late' | 'missing' | 'pending' {
  if (submittedOn) return submittedOn <= due ? 'on_time' : 'late';
  return today > due ? 'missing' : 'pending';
}

/** The approved numbers of the units below, added up by the element's rule over units. */
export function aggregate(rule: string, numbers: number[]): number | null {
  if (!numbers.length) return null;
  if (rule === 'average') return numbers.reduce((a, b) => a + b, 0) / numbers.length;
  if (rule === 'min') return Math.min(...numbers);
  if (rule === 'max') return Math.max(...numbers);
  if (rule === 'none' || rule === 'last') return numbers.length === 1 ? numbers[0]! : null;
  return numbers.reduce((a, b) => a + b, 0);
}

/** The code of the period after another, for a frequency. */
export function nextPeriodCode(frequency: 'month' | 'quarter' | 'sixmonth' | 'year', code: string): string {
  const year = Number(code.slice(0, 4));
  if (frequency === 'year') return String(year + 1);
  const n = Number(code.slice(5));
  const count = { month: 12, quarter: 4, sixmonth: 2 }[frequency];
  const letter = { month: 'M', quarter: 'Q', sixmonth: 'S' }[frequency];
  const [y, k] = n === count ? [year + 1, 1] : [year, n + 1];
  return `${y}${letter}${frequency === 'month' ? String(k).padStart(2, '0') : k}`;
}
