import { ACCESS, type Access } from '../../core/access/index.js';

export const BRIEFING_KINDS = ['daily', 'weekly'] as const;
export type BriefingKind = (typeof BRIEFING_KINDS)[number];

/**
 * The briefing covers the whole province, so every person (administrator, leader, officer, reviewer) may read every
 * briefing, whatever their unit: it holds counts and figures, never a citizen's case. Machine tokens (the wall
 * included) may not: a briefing is for people. Making or remaking one is an administrator's.
 */
export const BRIEFING_POLICY = {
  read: ACCESS.readers(),
  generate: ACCESS.admins,
} as const satisfies Record<string, Access>;

/** The hour, Việt Nam time, from which the day's briefings are due. */
export const BRIEFING_HOUR_VN = 7;
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday of an ISO date. */
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;

export interface Period { start: string; end: string }

/**
 * The period a briefing made on a day covers, both ends included: the daily, the day before; the weekly, the week
 * (Monday to Sunday) before the week of that day.
 */
export function briefingPeriod(kind: BriefingKind, madeOn: string): Period {
  if (kind === 'daily') {
    const day = addDays(madeOn, -1);
    return { start: day, end: day };
  }
  const monday = addDays(madeOn, 1 - weekday(madeOn));
  return { start: addDays(monday, -7), end: addDays(monday, -1) };
}

/** The period a briefing compares against: the one of the same length just before. */
export function previousPeriod(period: Period): Period {
  const days = Math.round((Date.parse(period.end) - Date.parse(period.start)) / DAY_MS) + 1;
  return { start: addDays(period.start, -days), end: addDays(period.start, -1) };
}

/**
 * Which briefings are due at an instant: none before 07:00 Việt Nam time; from then until midnight the daily, and on
 * Mondays the weekly too. A server that was down at 07:00 makes them when it comes back that day; the archive's
 * unique (kind, period) makes a second run of the day a no-op.
 */
export function dueBriefings(now: Date): { kind: BriefingKind; madeOn: string }[] {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  if (local.getUTCHours() < BRIEFING_HOUR_VN) return [];
  const madeOn = local.toISOString().slice(0, 10);
  const kinds: BriefingKind[] = weekday(madeOn) === 1 ? ['daily', 'weekly'] : ['daily'];
  return kinds.map((kind) => ({ kind, madeOn }));
}

/** Whether a figure went up, down or stayed against the previous period (no figure on either side: unknown). */
export function trend(current: number | null, previous: number | null): 'up' | 'down' | 'same' | 'unknown' {
  if (current === null || previous === null) return 'unknown';
  return current > previous ? 'up' : current < previous ? 'down' : 'same';
}
