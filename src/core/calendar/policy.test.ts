import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../access/index.js';
import { TOKEN_SCOPES } from '../tokens/index.js';
import { CALENDAR_POLICY } from './policy.js';

describe('who may read and decide the working calendar', () => {
  it('lets everyone signed in and every machine read it, and administrators alone record the year’s decisions', () => {
    const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);
    expect(who(CALENDAR_POLICY.read)).toEqual(['admin', 'leader', 'officer', 'reviewer', ...TOKEN_SCOPES.map((s) => `token:${s}`)]);
    expect(who(CALENDAR_POLICY.decide)).toEqual(['admin']);
  });
});
