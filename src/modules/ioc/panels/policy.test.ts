import { describe, expect, it } from 'vitest';
import { breaches } from '../policy.js';
import { statusOf, trendOf } from './policy.js';

describe('panel status and trend', () => {
  const rules = [{ comparator: '<', threshold: 80, severity: 'minor' }, { comparator: '<', threshold: 50, severity: 'critical' }] as const;
  it('takes the gravest severity broken, ok when none breaks, nothing without rule or value', () => {
    expect(statusOf([...rules], 40, breaches)).toEqual({ status: 'breach', severity: 'critical' });
    expect(statusOf([...rules], 70, breaches)).toEqual({ status: 'breach', severity: 'minor' });
    expect(statusOf([...rules], 90, breaches)).toEqual({ status: 'ok', severity: null });
    expect(statusOf([], 40, breaches)).toEqual({ status: null, severity: null });
    expect(statusOf([...rules], null, breaches)).toEqual({ status: null, severity: null });
  });
  it('says up, down or flat, and nothing without both values', () => {
    expect(trendOf(81, 70)).toBe('up');
    expect(trendOf(60, 70)).toBe('down');
    expect(trendOf(70.01, 70)).toBe('flat');
    expect(trendOf(70, null)).toBeNull();
  });
});
