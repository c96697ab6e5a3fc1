import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../access/index.js';
import { LIVE_POLICY, reaches, type Audience } from './policy.js';
import type { LiveEvent } from './schema.js';

const event = (over: Partial<LiveEvent>): LiveEvent => ({ id: 1, at: '2026-12-01T00:00:00.000Z', topic: 'alert', unitIds: null, userIds: null, payload: {}, ...over });
const audience = (over: Partial<Audience>): Audience => ({ topics: new Set(['alert', 'notification']), units: null, userId: 7, ...over });

describe('live policy', () => {
  it('lets every signed-in person and display tokens follow the stream', () => {
    const may = (actor: Parameters<typeof allows>[1]) => allows(LIVE_POLICY.stream, actor);
    expect(whoMay(may, ['wall', 'alerts', 'read'])).toEqual(['admin', 'leader', 'officer', 'reviewer', 'token:wall']);
  });

  it('delivers only the topics asked for', () => {
    expect(reaches(event({ topic: 'case' }), audience({}))).toBe(false);
    expect(reaches(event({}), audience({}))).toBe(true);
  });

  it('delivers a unit\'s event to those whose scope holds the unit, and to the unscoped', () => {
    const ward = event({ unitIds: [5, 9] });
    expect(reaches(ward, audience({ units: new Set([9]) }))).toBe(true);
    expect(reaches(ward, audience({ units: new Set([4]) }))).toBe(false);
    expect(reaches(ward, audience({ units: null }))).toBe(true);
  });

  it('delivers a personal event to its people only, never to a screen', () => {
    const mine = event({ topic: 'notification', userIds: [7] });
    expect(reaches(mine, audience({}))).toBe(true);
    expect(reaches(mine, audience({ userId: 8 }))).toBe(false);
    expect(reaches(mine, audience({ userId: null }))).toBe(false);
  });
});
