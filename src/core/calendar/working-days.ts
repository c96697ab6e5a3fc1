import { getSolarDate } from '@dqcai/vn-lunar';
import { AppError } from '../../server/errors.js';

/**
 * Working days of Vietnamese state agencies: Monday to Friday, less public holidays (solar and lunar), less the
 * compensatory day off when a holiday falls on a weekly rest day, with dated exceptions (a day off or a make-up
 * working day) from each year's announcement taking precedence. Dates are ISO 'YYYY-MM-DD' strings.
 */
/** Việt Nam is on UTC+7 all year (no daylight saving). */
export const VN_UTC_OFFSET_MS = 7 * 3600_000;

/** The civil date in Việt Nam of an instant: what "today" and "received on" mean for a province. */
export const vnDate = (at: Date) => new Date(at.getTime() + VN_UTC_OFFSET_MS).toISOString().slice(0, 10);

/** An ISO date as Vietnamese write it: 2026-11-25 → 25/11/2026. */
export const dayMonthYear = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface HolidayRule {
  code: string;
  nameVi: string;
  nameEn: string;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  /** Days from the anchor date to the first day off (Tết starts the day before the lunar new year). */
  startOffset: number;
  days: number;
}

export interface CalendarException {
  date: string;
  kind: 'day_off' | 'working_day';
  nameVi: string;
  source: string | null;
}

export interface DayOff {
  date: string;
  code: string;
  nameVi: string;
  nameEn: string;
  compensatory: boolean;
}

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (iso: string, n: number) => toIso(new Date(toDate(iso).getTime() + n * DAY));
const weekday = (iso: string) => toDate(iso).getUTCDay();

/**
 * The years the calendar knows: the lunar conversion answers a zero date outside them, which made a deadline far in
 * the future fail or never end. A date beyond them is refused (400) rather than guessed.
 */
export const CALENDAR_YEARS = { from: 1900, to: 2199 } as const;

function anchor(rule: HolidayRule, year: number): string {
  if (rule.calendar === 'solar') return `${year}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;
  const solar = getSolarDate(rule.day, rule.month, year);
  return `${solar.year}-${String(solar.month).padStart(2, '0')}-${String(solar.day).padStart(2, '0')}`;
}

export class WorkingCalendar {
  private readonly years = new Map<number, Map<string, DayOff>>();
  private readonly exceptions: Map<string, CalendarException>;

  constructor(private readonly rules: HolidayRule[], private readonly weeklyRest: number[], exceptions: CalendarException[] = []) {
    this.exceptions = new Map(exceptions.map((e) => [e.date, e]));
  }

  /** The public holidays of a year by rule, with compensatory days for those on a weekly rest day. */
  holidays(year: number): DayOff[] {
    if (!(year >= CALENDAR_YEARS.from && year <= CALENDAR_YEARS.to)) throw new AppError('calendar_out_of_range', { from: CALENDAR_YEARS.from, to: CALENDAR_YEARS.to });
    let days = this.years.get(year);
    if (!days) {
      days = new Map();
      const onRest: DayOff[] = [];
      for (const rule of this.rules) {
        const start = addDays(anchor(rule, year), rule.startOffset);
        for (let i = 0; i < rule.days; i++) {
          const date = addDays(start, i);
          const day = { date, code: rule.code, nameVi: rule.nameVi, nameEn: rule.nameEn, compensatory: false };
          days.set(date, day);
          if (this.weeklyRest.includes(weekday(date))) onRest.push(day);
        }
      }
      // Labour Code 2019, Art. 112(3): a holiday on a weekly rest day is taken on the next working day.
      for (const day of onRest.sort((a, b) => a.date.localeCompare(b.date))) {
        let next = addDays(day.date, 1);
        while (this.weeklyRest.includes(weekday(next)) || days.has(next)) next = addDays(next, 1);
        days.set(next, { ...day, date: next, nameVi: `Nghỉ bù ${day.nameVi}`, nameEn: `${day.nameEn} (in lieu)`, compensatory: true });
      }
      this.years.set(year, days);
    }
    return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  isWorkingDay(date: string): boolean {
    // First, so that a date past the calendar's years is refused even on a weekend (a loop over days would not end).
    const year = toDate(date).getUTCFullYear();
    this.holidays(year);
    const exception = this.exceptions.get(date);
    if (exception) return exception.kind === 'working_day';
    if (this.weeklyRest.includes(weekday(date))) return false;
    return !this.years.get(year)!.has(date);
  }

  /**
   * The date n working days after `from` (n ≥ 1), not counting `from` itself: a case received on Friday with a
   * deadline of 1 working day is due on Monday. n = 0 gives `from` if it is a working day, else the next one.
   */
  addWorkingDays(from: string, n: number): string {
    let date = from;
    if (n === 0) {
      while (!this.isWorkingDay(date)) date = addDays(date, 1);
      return date;
    }
    let left = n;
    while (left > 0) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (this.isWorkingDay(date)) count++;
    return count;
  }
}
