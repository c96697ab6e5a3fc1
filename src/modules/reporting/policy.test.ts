import { describe, expect, it } from 'vitest';
import { allows, type Actor } from '../../core/access/index.js';
import { unitsBelow } from '../../core/org-units/index.js';
import { aggregate, chainIn, nextPeriodCode, REPORTING_POLICY, submissionStatus } from './policy.js';

const user = (role: 'admin' | 'leader' | 'officer' | 'reviewer'): Actor => ({
  kind: 'user', id: 1, username: role, displayName: role, role, orgUnitId: 1, locale: 'vi', sessionId: 's', csrfToken: 'c',
});
const units = [
  { id: 1, parentId: null, level: 'province' }, { id: 2, parentId: 1, level: 'district' }, { id: 3, parentId: 2, level: 'commune' }, { id: 4, parentId: 2, level: 'commune' },
];

describe('reporting policy', () => {
  it('lets leaders read but not submit, and reporting tokens submit', () => {
    expect(allows(REPORTING_POLICY.read, user('leader'))).toBe(true);
    expect(allows(REPORTING_POLICY.submit, user('leader'))).toBe(false);
    expect(allows(REPORTING_POLICY.submit, { kind: 'token', id: 1, name: 'phần mềm xã', scopes: ['reports'], orgUnitId: 3 })).toBe(true);
    expect(allows(REPORTING_POLICY.configure, user('reviewer'))).toBe(false);
  });

  it('approves up the hierarchy to the province, and rolls up the units below', () => {
    expect(chainIn(units, 3)).toEqual([2, 1]);
    expect(chainIn(units, 1)).toEqual([]);
    expect([...unitsBelow(units, 2)].sort()).toEqual([2, 3, 4]);
  });

  it('tells on time, late, missing and pending apart, and adds up by each rule', () => {
    expect(submissionStatus('2026-01-10', '2026-01-10', '2026-02-01')).toBe('on_time');
    expect(submissionStatus('2026-01-11', '2026-01-10', '2026-02-01')).toBe('late');
    expect(submissionStatus(null, '2026-01-10', '2026-01-11')).toBe('missing');
    expect(submissionStatus(null, '2026-01-10', '2026-01-10')).toBe('pending');
    expect([aggregate('sum', [1, 2]), aggregate('average', [1, 2]), aggregate('max', [1, 2]), aggregate('none', [1, 2]), aggregate('sum', [])]).toEqual([3, 1.5, 2, null, null]);
  });

  it('names the next period of each frequency', () => {
    expect(nextPeriodCode('month', '2025M12')).toBe('2026M01');
    expect(nextPeriodCode('quarter', '2025Q3')).toBe('2025Q4');
    expect(nextPeriodCode('sixmonth', '2025S2')).toBe('2026S1');
    expect(nextPeriodCode('year', '2025')).toBe('2026');
  });
});
