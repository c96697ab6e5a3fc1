import { describe, expect, it } from 'vitest';
import { allows, type Actor } from '../../core/access/index.js';
import { exportedOn, exportName, SCORECARD_POLICY } from './policy.js';

const machine = (scopes: string[]): Actor => ({ kind: 'token', id: 1, name: 'cổng dữ liệu', scopes, orgUnitId: null });

describe('scorecard policy', () => {
  it('lets every signed-in user and reading tokens read, and nobody anonymous', () => {
    expect(allows(SCORECARD_POLICY.read, { kind: 'user', id: 1, username: 'l', displayName: 'l', role: 'leader', orgUnitId: 1, locale: 'vi', sessionId: 's', csrfToken: 'c' })).toBe(true);
    expect(allows(SCORECARD_POLICY.read, machine(['data-exchange']))).toBe(true);
    expect(allows(SCORECARD_POLICY.read, machine(['devices']))).toBe(false);
    expect(allows(SCORECARD_POLICY.read, undefined)).toBe(false);
  });

  it('names a download by framework, unit and day, and dates it as its reader writes dates', () => {
    expect(exportName('DTI', '94', '2026-12-01', 'pdf')).toBe('chi-so-DTI-94-2026-12-01.pdf');
    expect(exportName('NQ07', '94', '2026-12-01', 'csv')).toBe('chi-tieu-NQ07-94-2026-12-01.csv');
    expect(exportedOn('2026-12-01', 'vi')).toBe('01/12/2026');
    expect(exportedOn('2026-12-01', 'en')).toBe('2026-12-01');
  });
});
