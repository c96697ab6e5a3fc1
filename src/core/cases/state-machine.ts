/**
 * The life of a case, for every kind (citizen feedback now; public-service dossiers and incoming documents later):
 *
 *   received ─route→ routed ─accept→ accepted ─start→ in_progress ─answer→ answered ─close→ closed
 *                      │  └─forward→ forwarded ─accept→ accepted            ↑      └─reopen→ in_progress
 *                      └─return→ returned                                   └──────── reopen (from closed too)
 *   any open state ─merge→ merged (a duplicate; its reporters follow the original)
 *
 * Forwarding sends a case outside the unit's remit to another unit (Decree 92/2017: within 5 working days).
 */
export const CASE_STATES = ['received', 'routed', 'forwarded', 'accepted', 'in_progress', 'answered', 'closed', 'returned', 'merged'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = ['route', 'accept', 'forward', 'return', 'start', 'answer', 'close', 'reopen', 'merge'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const OPEN: CaseState[] = ['received', 'routed', 'forwarded', 'accepted', 'in_progress'];

/** For each action, the states it may leave from, and the state it leads to. */
export const TRANSITIONS: Record<CaseAction, { from: CaseState[]; to: CaseState }> = {
  route: { from: ['received', 'routed', 'forwarded'], to: 'routed' },
  accept: { from: ['routed', 'forwarded'], to: 'accepted' },
  forward: { from: ['routed', 'forwarded', 'accepted'], to: 'forwarded' },
  return: { from: ['received', 'routed', 'forwarded'], to: 'returned' },
  start: { from: ['accepted'], to: 'in_progress' },
  answer: { from: ['accepted', 'in_progress'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  reopen: { from: ['answered', 'closed'], to: 'in_progress' },
  merge: { from: OPEN, to: 'merged' },
};

/** A unit holds the case and its deadline runs: what is overdue, escalated and extended. */
export const HANDLING_STATES: CaseState[] = ['routed', 'forwarded', 'accepted', 'in_progress'];
/** Nothing more will happen unless a citizen reopens it. */
export const ENDED_STATES: CaseState[] = ['closed', 'returned', 'merged'];

export class TransitionRefused extends Error {
  constructor(readonly action: CaseAction, readonly state: CaseState) {
    super(`${action} is not allowed from ${state}`);
  }
}

/** The state an action leads to, or TransitionRefused when the case's state does not allow it. */
export function nextState(state: CaseState, action: CaseAction): CaseState {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) throw new TransitionRefused(action, state);
  return rule.to;
}

export function allowedActions(state: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}
