import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../access/index.js';
import { TOKEN_SCOPES } from '../tokens/index.js';
import { JOB_POLICY } from './policy.js';

describe('who may read the job runs', () => {
  it('lets administrators alone read them: no leader, officer, reviewer or machine', () => {
    const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);
    expect(who(JOB_POLICY.read)).toEqual(['admin']);
  });
});
