import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../../access/index.js';
import { TOKEN_SCOPES } from '../../tokens/index.js';
import { ANALYTICS_POLICY } from './policy.js';

const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);
const READERS = ['admin', 'leader', 'officer', 'reviewer', 'token:read', 'token:data-exchange'];

describe('who may read figures', () => {
  it('lets every user and reading or exchanging machines read them, and nobody anonymous', () => {
    expect(who(ANALYTICS_POLICY.read)).toEqual(READERS);
  });
});
