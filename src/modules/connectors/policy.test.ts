import { describe, expect, it } from 'vitest';
import { allows, type Actor } from '../../core/access/index.js';
import { isStale, mergeHeaders, nextRun, CONNECTOR_POLICY } from './policy.js';

const user = (role: 'admin' | 'leader' | 'officer' | 'reviewer'): Actor => ({
  kind: 'user', id: 1, username: role, displayName: role, role, orgUnitId: 1, locale: 'vi', sessionId: 's', csrfToken: 'c',
});

describe('connector policy', () => {
  it('lets administrators alone list, configure and run connectors', () => {
    for (const action of ['list', 'configure', 'run'] as const) {
      expect(allows(CONNECTOR_POLICY[action], user('admin')), action).toBe(true);
      for (const role of ['leader', 'officer', 'reviewer'] as const) expect(allows(CONNECTOR_POLICY[action], user(role)), `${action} ${role}`).toBe(false);
      expect(allows(CONNECTOR_POLICY[action], undefined)).toBe(false);
    }
  });

  it('keeps a stored secret when its masked form is sent back, and takes a new value as given', () => {
    expect(mergeHeaders({ 'X-Api-Key': '••••abcd', Accept: 'text/csv' }, { 'X-Api-Key': 'secret-abcd' })).toEqual({ 'X-Api-Key': 'secret-abcd', Accept: 'text/csv' });
    expect(mergeHeaders({ 'X-Api-Key': 'new' }, { 'X-Api-Key': 'old' })).toEqual({ 'X-Api-Key': 'new' });
  });

  it('calls data stale only past the configured limit since their last change', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const changed = new Date('2026-12-02T09:00:00Z');
    expect(isStale({ stale_after_minutes: 59, changed_at: changed }, now)).toBe(true);
    expect(isStale({ stale_after_minutes: 60, changed_at: changed }, now)).toBe(false);
    expect(isStale({ stale_after_minutes: null, changed_at: changed }, now)).toBe(false);
    expect(isStale({ stale_after_minutes: 5, changed_at: null }, now)).toBe(false);
    expect(nextRun(15, now).toISOString()).toBe('2026-12-02T10:15:00.000Z');
  });
});
