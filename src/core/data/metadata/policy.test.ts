import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../../access/index.js';
import { TOKEN_SCOPES } from '../../tokens/index.js';
import { aggregationFits, METADATA_POLICY } from './policy.js';

const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);
const READERS = ['admin', 'leader', 'officer', 'reviewer', 'token:read', 'token:data-exchange'];

describe('who may read and keep the catalogue', () => {
  it('lets every user and reading or exchanging machines read it, and administrators alone keep it', () => {
    expect(who(METADATA_POLICY.read)).toEqual(READERS);
    expect(who(METADATA_POLICY.keep)).toEqual(['admin']);
  });

  it('refuses to aggregate text over units', () => {
    expect(aggregationFits('text', 'sum')).toBe(false);
    expect(aggregationFits('text', 'none')).toBe(true);
    expect(aggregationFits('integer', 'sum')).toBe(true);
  });
});
