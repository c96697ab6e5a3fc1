import { describe, expect, it } from 'vitest';
import { allows, machineActor, personActor, whoMay } from '../access/index.js';
import { TOKEN_SCOPES } from '../tokens/index.js';
import { inboxOwner, NOTIFY_POLICY } from './policy.js';

const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), TOKEN_SCOPES);

describe('who may see notifications', () => {
  it('gives every person an inbox, and administrators alone the deliveries and webhooks', () => {
    expect(who(NOTIFY_POLICY.inbox)).toEqual(['admin', 'leader', 'officer', 'reviewer']);
    expect(who(NOTIFY_POLICY.deliveries)).toEqual(['admin']);
    expect(who(NOTIFY_POLICY.webhooks)).toEqual(['admin']);
  });

  it("reads a person's own inbox, and none for a machine", () => {
    expect(inboxOwner(personActor('officer', 7))).toBe(personActor('officer', 7).id);
    expect(inboxOwner(machineActor(['read']))).toBe(0);
  });
});
