import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../../access/index.js';
import { TOKEN_SCOPES } from '../../tokens/index.js';
import { EXCHANGE_POLICY, maySeeImportJob } from './policy.js';

const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);
const READERS = ['admin', 'leader', 'officer', 'reviewer', 'token:read', 'token:data-exchange'];

describe('who may exchange values', () => {
  it('lets readers export and writers import, leaders and reviewers not', () => {
    expect(who(EXCHANGE_POLICY.read)).toEqual(READERS);
    expect(who(EXCHANGE_POLICY.write)).toEqual(['admin', 'officer', 'token:data-exchange']);
  });

  it('shows an import job to the one who started it and to administrators', () => {
    expect(maySeeImportJob({ kind: 'user', role: 'officer', name: 'canbo' }, 'canbo')).toBe(true);
    expect(maySeeImportJob({ kind: 'user', role: 'officer', name: 'canbo2' }, 'canbo')).toBe(false);
    expect(maySeeImportJob({ kind: 'user', role: 'admin', name: 'admin' }, 'canbo')).toBe(true);
    expect(maySeeImportJob({ kind: 'token', name: 'DHIS2' }, 'DHIS2')).toBe(true);
  });
});
