import { describe, expect, it } from 'vitest';
import { allows, type Actor } from '../access/index.js';
import { isTokenLive, TOKEN_POLICY } from './policy.js';

const user = (role: 'admin' | 'leader' | 'officer' | 'reviewer'): Actor => ({
  kind: 'user', id: 1, username: role, displayName: role, role, orgUnitId: 1, locale: 'vi', sessionId: 's', csrfToken: 'c',
});
const machine: Actor = { kind: 'token', id: 1, name: 'bẫy đèn', scopes: ['read', 'devices', 'data-exchange'], orgUnitId: null };

describe('token policy', () => {
  it('lets administrators alone list, create and revoke tokens', () => {
    for (const action of ['list', 'create', 'revoke'] as const) {
      expect(allows(TOKEN_POLICY[action], user('admin')), action).toBe(true);
      for (const role of ['leader', 'officer', 'reviewer'] as const) expect(allows(TOKEN_POLICY[action], user(role)), `${action} ${role}`).toBe(false);
      expect(allows(TOKEN_POLICY[action], machine), `${action} by a token`).toBe(false);
      expect(allows(TOKEN_POLICY[action], undefined), `${action} anonymously`).toBe(false);
    }
  });

  it('takes a token for live until it is revoked or its expiry passes', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    expect(isTokenLive({ revoked_at: null, expires_at: null }, now)).toBe(true);
    expect(isTokenLive({ revoked_at: null, expires_at: new Date('2026-12-01T08:00:01Z') }, now)).toBe(true);
    expect(isTokenLive({ revoked_at: null, expires_at: now }, now)).toBe(false);
    expect(isTokenLive({ revoked_at: new Date('2026-11-30T00:00:00Z'), expires_at: null }, now)).toBe(false);
  });
});
