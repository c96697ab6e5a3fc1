import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../access/index.js';
import { TOKEN_SCOPES } from '../tokens/index.js';
import { ORG_UNIT_POLICY } from './policy.js';

describe('who may read and change units', () => {
  it('lets every user and every machine read the units, and administrators alone change them', () => {
    const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);
    expect(who(ORG_UNIT_POLICY.read)).toEqual(['admin', 'leader', 'officer', 'reviewer', ...TOKEN_SCOPES.map((s) => `token:${s}`)]);
    expect(who(ORG_UNIT_POLICY.change)).toEqual(['admin']);
  });
});
