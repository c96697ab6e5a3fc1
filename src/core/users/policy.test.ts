import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../access/index.js';
import { TOKEN_SCOPES } from '../tokens/index.js';
import { USER_POLICY } from './policy.js';

describe('who may read and manage users', () => {
  it('lets every signed-in person read, no machine, and administrators alone manage', () => {
    const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);
    expect(who(USER_POLICY.read)).toEqual(['admin', 'leader', 'officer', 'reviewer']);
    expect(who(USER_POLICY.manage)).toEqual(['admin']);
  });
});
