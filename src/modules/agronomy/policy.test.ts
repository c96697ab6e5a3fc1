import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/index.js';
import { mayApprove, NEXT } from './policy.js';

const user = (role: 'admin' | 'officer' | 'reviewer', username: string): Actor => ({
  kind: 'user', id: 1, username, displayName: username, role, orgUnitId: 1, locale: 'vi', sessionId: 's', csrfToken: 'c',
});

describe('who approves a sowing bulletin', () => {
  it('a reviewer or an administrator who neither drafted nor edited it; never an officer', () => {
    expect(mayApprove(user('reviewer', 'thamdinh'), ['admin'])).toBe('yes');
    expect(mayApprove(user('admin', 'admin'), ['thamdinh'])).toBe('yes');
    expect(mayApprove(user('admin', 'admin'), ['admin'])).toBe('own');
    expect(mayApprove(user('reviewer', 'thamdinh'), ['canbo', 'thamdinh'])).toBe('own');
    expect(mayApprove(user('officer', 'canbo'), ['admin'])).toBe('role');
    expect(mayApprove({ kind: 'system', name: 'x' }, ['admin'])).toBe('role');
  });

  it('a published bulletin is final; an approved one may go back to draft', () => {
    expect(NEXT.published).toEqual([]);
    expect(NEXT.approved).toContain('draft');
  });
});
