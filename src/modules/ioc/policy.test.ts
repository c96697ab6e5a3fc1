import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../../core/access/index.js';
import { IOC_POLICY, breaches } from './policy.js';

describe('IOC policy', () => {
  it('lets every person and wall screens read, administrators configure', () => {
    expect(whoMay((a) => allows(IOC_POLICY.read, a), ['wall', 'alerts'])).toEqual(['admin', 'leader', 'officer', 'reviewer', 'token:wall']);
    expect(whoMay((a) => allows(IOC_POLICY.configure, a), ['wall'])).toEqual(['admin']);
  });

  it('judges a value against a rule, and no value as no breach', () => {
    const rule = { comparator: '<' as const, threshold: 80 };
    expect(breaches(rule, 79.9)).toBe(true);
    expect(breaches(rule, 80)).toBe(false);
    expect(breaches({ comparator: '>=', threshold: 4 }, 4)).toBe(true);
    expect(breaches(rule, null)).toBe(false);
    expect(breaches(rule, Number.NaN)).toBe(false);
  });
});
