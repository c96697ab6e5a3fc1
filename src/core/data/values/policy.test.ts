import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../../access/index.js';
import { TOKEN_SCOPES } from '../../tokens/index.js';
import { VALUE_POLICY } from './policy.js';

const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);
const READERS = ['admin', 'leader', 'officer', 'reviewer', 'token:read', 'token:data-exchange'];

describe('who may read and write values', () => {
  it('lets every user and reading or exchanging machines read, and administrators, officers and exchange machines write', () => {
    expect(who(VALUE_POLICY.read)).toEqual(READERS);
    expect(who(VALUE_POLICY.write)).toEqual(['admin', 'officer', 'token:data-exchange']);
  });
});
