/**
 * Periods with DHIS2's canonical codes: 2024 (year), 2024S1 (half), 2024Q3 (quarter), 2024M07 (month),
 * 2024W31 (ISO week), 20240715 (day). Dates are ISO 'YYYY-MM-DD' strings, inclusive at both ends.
 */
export const PERIOD_TYPES = ['day', 'week', 'month', 'quarter', 'sixmonth', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  code: string;
  type: PeriodType;
  start: string;
  end: string;
}

// Years 1000 to 9999: the year 0000 does not exist for PostgreSQL, and Date.UTC reads 0 to 99 as 1900 to 1999.
const PATTERNS: [PeriodType, RegExp][] = [
  ['year', /^([1-9]\d{3})$/],
  ['sixmonth', /^([1-9]\d{3})S([12])$/],
  ['quarter', /^([1-9]\d{3})Q([1-4])$/],
  ['month', /^([1-9]\d{3})M(0[1-9]|1[0-2])$/],
  ['week', /^([1-9]\d{3})W(0[1-9]|[1-4]\d|5[0-3])$/],
  ['day', /^([1-9]\d{3})(\d{2})(\d{2})$/],
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export class PeriodError extends Error {}

/** Monday of ISO week 1: the week that holds the year's first Thursday. */
function isoWeekOne(year: number): Date {
  const jan4 = utc(year, 1, 4);
  const weekday = (jan4.getUTCDay() + 6) % 7;
  return new Date(jan4.getTime() - weekday * 86_400_000);
}

function isoWeeksIn(year: number): number {
  return Math.round((isoWeekOne(year + 1).getTime() - isoWeekOne(year).getTime()) / (7 * 86_400_000));
}

export function parsePeriod(code: string): Period {
  for (const [type, pattern] of PATTERNS) {
    const m = pattern.exec(code);
    if (!m) continue;
    const year = Number(m[1]);
    const n = Number(m[2]);
    switch (type) {
      case 'year':
        return { code, type, start: `${year}-01-01`, end: `${year}-12-31` };
      case 'sixmonth':
        return { code, type, start: iso(utc(year, n * 6 - 5, 1)), end: iso(utc(year, n * 6 + 1, 0)) };
      case 'quarter':
        return { code, type, start: iso(utc(year, n * 3 - 2, 1)), end: iso(utc(year, n * 3 + 1, 0)) };
      case 'month':
        return { code, type, start: iso(utc(year, n, 1)), end: iso(utc(year, n + 1, 0)) };
      case 'week': {
        if (n > isoWeeksIn(year)) break;
        const start = new Date(isoWeekOne(year).getTime() + (n - 1) * 7 * 86_400_000);
        return { code, type, start: iso(start), end: iso(new Date(start.getTime() + 6 * 86_400_000)) };
      }
      case 'day': {
        const day = Number(m[3]);
        const date = utc(year, n, day);
        if (date.getUTCMonth() + 1 !== n || date.getUTCDate() !== day) break;
        return { code, type, start: iso(date), end: iso(date) };
      }
    }
  }
  throw new PeriodError(`"${code}" is not a period code (2024, 2024S1, 2024Q3, 2024M07, 2024W31, 20240715)`);
}

export function isPeriodCode(code: string): boolean {
  try {
    parsePeriod(code);
    return true;
  } catch {
    return false;
  }
}

/** The period of a type that contains a date. Weeks belong to their ISO year. */
export function periodOf(type: PeriodType, date: string): Period {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  switch (type) {
    case 'year':
      return parsePeriod(String(y));
    case 'sixmonth':
      return parsePeriod(`${y}S${m <= 6 ? 1 : 2}`);
    case 'quarter':
      return parsePeriod(`${y}Q${Math.ceil(m / 3)}`);
    case 'month':
      return parsePeriod(`${y}M${pad(m)}`);
    case 'day':
      return parsePeriod(`${y}${pad(m)}${pad(d)}`);
    case 'week': {
      const t = utc(y, m, d);
      const thursday = new Date(t.getTime() + (3 - ((t.getUTCDay() + 6) % 7)) * 86_400_000);
      const weekYear = thursday.getUTCFullYear();
      const week = 1 + Math.floor((thursday.getTime() - isoWeekOne(weekYear).getTime()) / (7 * 86_400_000));
      return parsePeriod(`${weekYear}W${pad(week)}`);
    }
  }
}

/**
 * The coarser period of `type` that holds `period`, or null when it straddles two (an ISO week across a month end).
 * Converting to the same type returns the period itself.
 */
export function toCoarser(period: Period, type: PeriodType): Period | null {
  const target = periodOf(type, period.start);
  return target.start <= period.start && period.end <= target.end ? target : null;
}

export function contains(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The periods of a type that lie inside `outer`, in order (e.g. the 12 months of a year). */
export function periodsWithin(outer: Period, type: PeriodType): Period[] {
  const out: Period[] = [];
  let cursor = outer.start;
  while (cursor <= outer.end) {
    const p = periodOf(type, cursor);
    if (contains(outer, p)) out.push(p);
    cursor = iso(new Date(Date.parse(`${p.end}T00:00:00Z`) + 86_400_000));
  }
  return out;
}

export const PERIOD_RANK: Record<PeriodType, number> = { day: 0, week: 1, month: 2, quarter: 3, sixmonth: 4, year: 5 };
