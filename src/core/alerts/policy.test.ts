import { describe, expect, it } from 'vitest';
import { allows, machineActor, whoMay } from '../access/index.js';
import { ALERT_POLICY, alertInScope, isDisplay, nextState } from './policy.js';

const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), ['alerts', 'wall', 'read']);

describe('alert policy', () => {
  it('lets other systems raise alerts with the alerts scope, and administrators by hand', () => {
    expect(who(ALERT_POLICY.raise)).toEqual(['admin', 'token:alerts']);
  });

  it('lets every person and the wall read alerts, every person act, administrators configure', () => {
    expect(who(ALERT_POLICY.read)).toEqual(['admin', 'leader', 'officer', 'reviewer', 'token:alerts', 'token:wall']);
    expect(who(ALERT_POLICY.act)).toEqual(['admin', 'leader', 'officer', 'reviewer']);
    expect(who(ALERT_POLICY.configure)).toEqual(['admin']);
  });

  it('moves an alert open → acknowledged → assigned → resolved → closed, and refuses steps out of order', () => {
    expect(nextState('open', 'acknowledge')).toBe('acknowledged');
    expect(nextState('acknowledged', 'assign')).toBe('assigned');
    expect(nextState('assigned', 'resolve')).toBe('resolved');
    expect(nextState('resolved', 'close')).toBe('closed');
    expect(nextState('open', 'close')).toBeNull();
    expect(nextState('closed', 'acknowledge')).toBeNull();
    expect(nextState('acknowledged', 'acknowledge')).toBeNull();
  });

  it('dismisses only what is still active, and reopens what ended', () => {
    expect(nextState('assigned', 'dismiss')).toBe('dismissed');
    expect(nextState('resolved', 'dismiss')).toBeNull();
    expect(nextState('dismissed', 'reopen')).toBe('open');
    expect(nextState('open', 'reopen')).toBeNull();
  });

  it('shows an alert to those whose units it concerns, and an alert of no unit to everyone', () => {
    const ward = { unit_id: 5, assigned_unit_id: null, escalated_unit_id: 2 };
    expect(alertInScope(ward, new Set([5]))).toBe(true);
    expect(alertInScope(ward, new Set([2]))).toBe(true);
    expect(alertInScope(ward, new Set([9]))).toBe(false);
    expect(alertInScope(ward, null)).toBe(true);
    expect(alertInScope({ unit_id: null, assigned_unit_id: null, escalated_unit_id: null }, new Set([9]))).toBe(true);
  });

  it('treats a token with only the wall scope as a display', () => {
    expect(isDisplay(machineActor(['wall']))).toBe(true);
    expect(isDisplay(machineActor(['alerts', 'wall']))).toBe(false);
  });
});
