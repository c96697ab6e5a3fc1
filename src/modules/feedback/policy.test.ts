import { describe, expect, it } from 'vitest';
import { allows, type Actor } from '../../core/access/index.js';
import { alreadyRated, FEEDBACK_POLICY, publicNote, ratingOutcome, shorten } from './policy.js';

const user = (role: 'admin' | 'leader' | 'officer' | 'reviewer'): Actor => ({
  kind: 'user', id: 1, username: role, displayName: role, role, orgUnitId: 1, locale: 'vi', sessionId: 's', csrfToken: 'c',
});

describe('feedback policy', () => {
  it('lets anyone send and follow, officers handle, reviewers word templates and administrators route', () => {
    expect(allows(FEEDBACK_POLICY.citizens, undefined)).toBe(true);
    expect(allows(FEEDBACK_POLICY.readers, user('leader'))).toBe(true);
    expect(allows(FEEDBACK_POLICY.readers, undefined)).toBe(false);
    expect(allows(FEEDBACK_POLICY.officers, user('leader'))).toBe(false);
    expect(allows(FEEDBACK_POLICY.officers, user('officer'))).toBe(true);
    expect(allows(FEEDBACK_POLICY.templateEditors, user('reviewer'))).toBe(true);
    expect(allows(FEEDBACK_POLICY.templateEditors, user('officer'))).toBe(false);
    expect(allows(FEEDBACK_POLICY.routingEditors, user('reviewer'))).toBe(false);
    expect(allows(FEEDBACK_POLICY.routingEditors, user('admin'))).toBe(true);
  });

  it('reopens on "not solved" within 7 days of the answer, and closes otherwise', () => {
    const answeredAt = new Date('2026-03-01T08:00:00Z');
    const later = (days: number) => new Date(answeredAt.getTime() + days * 86_400_000);
    expect(ratingOutcome({ solved: false, answeredAt, now: later(7) })).toBe('reopen');
    expect(ratingOutcome({ solved: false, answeredAt, now: later(7.01) })).toBe('close');
    expect(ratingOutcome({ solved: true, answeredAt, now: later(1) })).toBe('close');
    expect(alreadyRated([{ answeredAt: answeredAt.toISOString() }], answeredAt)).toBe(true);
    expect(alreadyRated(undefined, answeredAt)).toBe(false);
  });

  it('shows the public only the answer and the reason for a return, and shortens long texts', () => {
    expect(publicNote({ action: 'answer', note: 'Đã xử lý' })).toBe('Đã xử lý');
    expect(publicNote({ action: 'note', note: 'nội bộ' })).toBeNull();
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('abc', 4)).toBe('abc');
  });
});
