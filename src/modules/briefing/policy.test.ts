import { describe, expect, it } from 'vitest';
import { allows, whoMay } from '../../core/access/index.js';
import { BRIEFING_POLICY, briefingPeriod, dueBriefings, previousPeriod, trend } from './policy.js';

const who = (access: Parameters<typeof allows>[0]) => whoMay((actor) => allows(access, actor), ['wall', 'read', 'alerts']);

describe('briefing policy', () => {
  it('lets every person read the province briefing, no machine token (not the wall); administrators alone generate', () => {
    expect(who(BRIEFING_POLICY.read)).toEqual(['admin', 'leader', 'officer', 'reviewer']);
    expect(who(BRIEFING_POLICY.generate)).toEqual(['admin']);
  });

  it('covers the day before for a daily briefing and the previous Monday–Sunday week for a weekly one', () => {
    expect(briefingPeriod('daily', '2026-12-01')).toEqual({ start: '2026-11-30', end: '2026-11-30' });
    expect(briefingPeriod('daily', '2026-01-01')).toEqual({ start: '2025-12-31', end: '2025-12-31' });
    // Monday 30/11/2026 and Wednesday 02/12/2026 both cover 23–29/11.
    expect(briefingPeriod('weekly', '2026-11-30')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(briefingPeriod('weekly', '2026-12-02')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
  });

  it('compares against the period of the same length just before', () => {
    expect(previousPeriod({ start: '2026-11-30', end: '2026-11-30' })).toEqual({ start: '2026-11-29', end: '2026-11-29' });
    expect(previousPeriod({ start: '2026-11-23', end: '2026-11-29' })).toEqual({ start: '2026-11-16', end: '2026-11-22' });
  });

  it('is due from 07:00 Việt Nam time until midnight, with the weekly on Mondays only', () => {
    expect(dueBriefings(new Date('2026-11-30T23:59:00Z'))).toEqual([]); // 06:59 on Tuesday 01/12 in Việt Nam
    expect(dueBriefings(new Date('2026-12-01T00:00:00Z'))).toEqual([{ kind: 'daily', madeOn: '2026-12-01' }]);
    expect(dueBriefings(new Date('2026-11-30T16:59:00Z'))).toEqual([{ kind: 'daily', madeOn: '2026-11-30' }, { kind: 'weekly', madeOn: '2026-11-30' }]);
    expect(dueBriefings(new Date('2026-11-29T23:00:00Z'))).toEqual([]); // 06:00 on Monday
  });

  it('says whether a figure went up, down or stayed, and unknown without both figures', () => {
    expect([trend(5, 3), trend(3, 5), trend(4, 4), trend(null, 4), trend(4, null)]).toEqual(['up', 'down', 'same', 'unknown', 'unknown']);
  });
});
