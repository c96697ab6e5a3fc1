import { ACCESS, type Access, type Actor } from '../access/index.js';
import type { AlertState } from '../../db/schema.js';
import type { AlertAction } from './schema.js';

/**
 * Who may do what with alerts. Every person sees and handles the alerts of their units (leaders and administrators:
 * all); other systems raise them with a token of scope "alerts"; a wall screen reads them with scope "wall".
 */
export const ALERT_POLICY = {
  raise: { roles: ['admin'], tokenScopes: ['alerts'] },
  read: ACCESS.readers(['wall', 'alerts']),
  act: ACCESS.signedIn,
  configure: ACCESS.admins,
} as const satisfies Record<string, Access>;

/** The state each action leads to from each state it is allowed in; absent: refused. */
const TRANSITIONS: Record<AlertAction, Partial<Record<AlertState, AlertState | 'same'>>> = {
  acknowledge: { open: 'acknowledged' },
  assign: { open: 'assigned', acknowledged: 'assigned', assigned: 'assigned' },
  resolve: { open: 'resolved', acknowledged: 'resolved', assigned: 'resolved' },
  close: { resolved: 'closed' },
  dismiss: { open: 'dismissed', acknowledged: 'dismissed', assigned: 'dismissed' },
  reopen: { resolved: 'open', closed: 'open', dismissed: 'open' },
  note: { open: 'same', acknowledged: 'same', assigned: 'same', resolved: 'same', closed: 'same', dismissed: 'same' },
  check: { open: 'same', acknowledged: 'same', assigned: 'same', resolved: 'same' },
  uncheck: { open: 'same', acknowledged: 'same', assigned: 'same', resolved: 'same' },
};

/** The state after an action, or null when the action is not allowed in this state. */
export function nextState(state: AlertState, action: AlertAction): AlertState | null {
  const to = TRANSITIONS[action][state];
  if (!to) return null;
  return to === 'same' ? state : to;
}

/** What an action needs besides its name. */
export const REQUIRED_FIELD: Partial<Record<AlertAction, 'note' | 'step'>> = { resolve: 'note', dismiss: 'note', reopen: 'note', note: 'note', check: 'step', uncheck: 'step' };

/** The units an alert concerns: where it happened, who handles it, where it was escalated to. */
export function unitsOfAlert(alert: { unit_id: number | null; assigned_unit_id: number | null; escalated_unit_id: number | null }): number[] {
  return [alert.unit_id, alert.assigned_unit_id, alert.escalated_unit_id].filter((u): u is number => u !== null);
}

/** Whether an actor whose scope is `units` (null: all) may see or handle an alert; an alert of no unit is everyone's. */
export function alertInScope(alert: Parameters<typeof unitsOfAlert>[0], units: ReadonlySet<number> | null): boolean {
  if (units === null) return true;
  const concerned = unitsOfAlert(alert);
  return concerned.length === 0 || concerned.some((u) => units.has(u));
}

/** A display screen's view leaves out what can be personal (the evidence, who handles it). */
export const isDisplay = (actor: Actor): boolean => actor.kind === 'token' && actor.scopes.includes('wall') && !actor.scopes.includes('alerts');
