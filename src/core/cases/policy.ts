import { AppError } from '../../server/errors.js';
import type { CaseReference } from './reference.js';
import type { ActInput } from './schema.js';
import type { CaseAction, CaseState } from './state-machine.js';
import type { CaseEvent } from './notices.js';

// Who may act on a case and what each step needs: pure rules, over the actor's units as scopeUnitIds gives them
// (null for every unit).

type Scope = Set<number> | null;
type Held = { unit_id: number | null; place_unit_id?: number | null; escalated_to_unit_id?: number | null };

/** An actor handles a case held by one of its units, or, while no unit holds it, one about a place of its units. */
export function mayHandle(scope: Scope, c: Held): boolean {
  const responsible = c.unit_id ?? c.place_unit_id ?? null;
  return !scope || (responsible !== null && scope.has(responsible));
}

/** Assigning and extending need a unit that holds the case: the place alone is not enough. */
export function mayHandleHeld(scope: Scope, c: Held): boolean {
  return !scope || (c.unit_id !== null && scope.has(c.unit_id));
}

/** An actor reads a case when any of the units it concerns is one of its units. */
export function mayRead(scope: Scope, units: (number | null | undefined)[]): boolean {
  return !scope || units.some((u) => u !== null && u !== undefined && scope.has(u));
}

/** What each action needs besides the case. */
const NEEDS: Partial<Record<CaseAction, (keyof ActInput)[]>> = {
  route: ['unitId'], forward: ['unitId', 'note'], return: ['note'], answer: ['answer'], reopen: ['note'], merge: ['mergeInto'],
};

/** The first field an action needs that the input lacks, or null. */
export function missingField(input: ActInput): keyof ActInput | null {
  return (NEEDS[input.action] ?? []).find((field) => input[field] === undefined || input[field] === '') ?? null;
}

/** The event each action announces (starting work is nobody else's news). */
export const EVENT_OF: Partial<Record<CaseAction, CaseEvent>> = {
  route: 'routed', forward: 'forwarded', accept: 'accepted', answer: 'answered', return: 'returned', reopen: 'reopened', close: 'closed', merge: 'merged',
};

/** A case's category changes only while it is being handled: not once answered or ended. */
export const recategorisable = (state: CaseState, ended: CaseState[]) => !ended.includes(state) && state !== 'answered';

/**
 * The unit responsible for a case: the first rule (in order) for its category, or for any category, applied to the
 * place on the day of the case — the commune itself, its parent, or a fixed unit; without a place, the province.
 */
export function routeFor(ref: CaseReference, input: { kind: string; category: string; placeUnitId?: number; date: string }): { id: number; name: string } {
  // Without a place (a partner's report with a point no boundary holds), the province's own unit triages and places it.
  if (input.placeUnitId === undefined) {
    const province = ref.provinceInForce(input.date);
    if (!province) throw new AppError('unit_not_in_force', { code: 'province' }, 'placeUnitId');
    return { id: province.id, name: province.name };
  }
  const place = ref.unitInForce(input.placeUnitId, input.date);
  if (!place) throw new AppError('unit_not_in_force', { code: String(input.placeUnitId) }, 'placeUnitId');
  const unit = (id: number) => {
    const u = ref.unit(id)!;
    return { id: u.id, name: u.name };
  };
  for (const rule of ref.routingRules(input.kind).filter((r) => r.category_code === null || r.category_code === input.category)) {
    if (rule.target === 'unit' && rule.unit_id) return unit(rule.unit_id);
    if (rule.target === 'place') break;
    if (rule.target === 'place_parent' && place.parentId) return unit(place.parentId);
  }
  return { id: place.id, name: place.name };
}
