import { describe, expect, it } from 'vitest';
import { allowedActions, CASE_ACTIONS, CASE_STATES, nextState, TransitionRefused, type CaseAction, type CaseState } from './state-machine.js';

/** The whole table, written out by hand: a change to the rules must change this test too. */
const EXPECTED: Record<CaseState, Partial<Record<CaseAction, CaseState>>> = {
  received: { route: 'routed', return: 'returned', merge: 'merged' },
  routed: { route: 'routed', accept: 'accepted', forward: 'forwarded', return: 'returned', merge: 'merged' },
  forwarded: { route: 'routed', accept: 'accepted', forward: 'forwarded', return: 'returned', merge: 'merged' },
  accepted: { forward: 'forwarded', start: 'in_progress', answer: 'answered', merge: 'merged' },
  in_progress: { answer: 'answered', merge: 'merged' },
  answered: { close: 'closed', reopen: 'in_progress' },
  closed: { reopen: 'in_progress' },
  returned: {},
  merged: {},
};

describe('the case state machine', () => {
  for (const state of CASE_STATES) {
    for (const action of CASE_ACTIONS) {
      const expected = EXPECTED[state][action];
      it(`${state} ─${action}→ ${expected ?? 'refused'}`, () => {
        if (expected) expect(nextState(state, action)).toBe(expected);
        else expect(() => nextState(state, action)).toThrow(TransitionRefused);
      });
    }
  }

  it('lists the actions a state allows', () => {
    expect(allowedActions('answered')).toEqual(['close', 'reopen']);
    expect(allowedActions('merged')).toEqual([]);
  });
});
