import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../../access/index.js';
import { TOKEN_SCOPES } from '../../tokens/index.js';
import { INDICATOR_POLICY, repeatedTarget } from './policy.js';

const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);
const READERS = ['admin', 'leader', 'officer', 'reviewer', 'token:read', 'token:data-exchange'];

describe('who may read and keep indicators', () => {
  it('lets every user and reading or exchanging machines read them, and administrators alone keep formulas and targets', () => {
    expect(who(INDICATOR_POLICY.read)).toEqual(READERS);
    expect(who(INDICATOR_POLICY.keep)).toEqual(['admin']);
  });

  it('finds a target given twice for the same year and kind', () => {
    expect(repeatedTarget([{ year: 2025, kind: 'target' }, { year: 2025, kind: 'baseline' }, { year: 2025, kind: 'target' }])).toBe(2);
    expect(repeatedTarget([{ year: 2025, kind: 'target' }, { year: 2030, kind: 'target' }])).toBe(-1);
  });
});
