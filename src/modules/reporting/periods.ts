import { addDays, type WorkingCalendar } from '../../core/calendar/index.js';

/**
 * Reporting periods under Nghị định 09/2019/NĐ-CP, Article 12: the data of a periodic report run from the 15th of
 * the month before the period to the 14th of its last month (a monthly report for March covers 15 February –
 * 14 March; the yearly report 15 December of the year before – 14 December). A regime may instead ask for calendar
 * periods. Dates are ISO 'YYYY-MM-DD'.
 */
export type Frequency = 'month' | 'quarter' | 'sixmonth' | 'year';
export type Basis = 'decree09' | 'calendar';

export interface ReportingPeriod {
  /** The DHIS2-style code of the period the report is about (2025M03, 2025Q1, 2025S1, 2025). */
  code: string;
  frequency: Frequency;
  basis: Basis;
  /** First day of data. */
  start: string;
  /** Last day of data: the cut-off. */
  end: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The months (1–12) a period ends in and spans. */
function span(frequency: Frequency, n: number): { firstMonth: number; lastMonth: number } {
  switch (frequency) {
    case 'month':
      return { firstMonth: n, lastMonth: n };
    case 'quarter':
      return { firstMonth: 3 * n - 2, lastMonth: 3 * n };
    case 'sixmonth':
      return { firstMonth: 6 * n - 5, lastMonth: 6 * n };
    case 'year':
      return { firstMonth: 1, lastMonth: 12 };
  }
}

const COUNT: Record<Frequency, number> = { month: 12, quarter: 4, sixmonth: 2, year: 1 };

export function reportingPeriod(frequency: Frequency, year: number, n: number, basis: Basis = 'decree09'): ReportingPeriod {
  if (!Number.isInteger(n) || n < 1 || n > COUNT[frequency]) throw new RangeError(`${frequency} ${n} does not exist`);
  const { firstMonth, lastMonth } = span(frequency, n);
  const code = frequency === 'month' ? `${year}M${String(n).padStart(2, '0')}` : frequency === 'quarter' ? `${year}Q${n}` : frequency === 'sixmonth' ? `${year}S${n}` : String(year);
  if (basis === 'calendar') {
    return { code, frequency, basis, start: iso(year, firstMonth, 1), end: iso(year, lastMonth, lastDay(year, lastMonth)) };
  }
  // The month before the first month: December of the previous year for January.
  const startYear = firstMonth === 1 ? year - 1 : year;
  const startMonth = firstMonth === 1 ? 12 : firstMonth - 1;
  return { code, frequency, basis, start: iso(startYear, startMonth, 15), end: iso(year, lastMonth, 14) };
}

/** The periods of a frequency whose cut-off falls in a year, in order. */
export function periodsOfYear(frequency: Frequency, year: number, basis: Basis = 'decree09'): ReportingPeriod[] {
  return Array.from({ length: COUNT[frequency] }, (_, i) => reportingPeriod(frequency, year, i + 1, basis));
}

/** The period a day's data belongs to: under Decree 09, 20 March belongs to April's report. */
export function periodContaining(frequency: Frequency, date: string, basis: Basis = 'decree09'): ReportingPeriod {
  const year = Number(date.slice(0, 4));
  for (const y of [year, year + 1]) {
    const found = periodsOfYear(frequency, y, basis).find((p) => p.start <= date && date <= p.end);
    if (found) return found;
  }
  throw new RangeError(`no ${frequency} period holds ${date}`);
}

/**
 * When a report is due, as a rule a regime states:
 * - a day of a month counted from the cut-off's month (day 20, month 0: the 20th of the cut-off month);
 * - or a number of working days after the cut-off, on the working calendar.
 * A due day that is not a working day moves to the next working day when the rule says so.
 */
export type DeadlineRule =
  | { kind: 'day_of_month'; day: number; monthsAfterCutoff: number; nextWorkingDay: boolean }
  | { kind: 'working_days_after_cutoff'; days: number };

export function dueDate(period: ReportingPeriod, rule: DeadlineRule, calendar: WorkingCalendar): string {
  if (rule.kind === 'working_days_after_cutoff') return calendar.addWorkingDays(period.end, rule.days);
  const [y, m] = period.end.split('-').map(Number) as [number, number];
  const month0 = m - 1 + rule.monthsAfterCutoff;
  const year = y + Math.floor(month0 / 12);
  const month = (month0 % 12) + 1;
  let date = iso(year, month, Math.min(rule.day, lastDay(year, month)));
  if (rule.nextWorkingDay) while (!calendar.isWorkingDay(date)) date = addDays(date, 1);
  return date;
}

/**
 * The periods a reminder or an alert looks at on a day: the previous one (its deadline is usually after its end) and
 * the running one, each with its due date.
 */
export function watchedPeriods(
  regime: { frequency: string; period_basis: string; deadline_rule: unknown },
  today: string,
  calendar: WorkingCalendar,
): { period: ReportingPeriod; due: string }[] {
  const [frequency, basis] = [regime.frequency as Frequency, regime.period_basis as Basis];
  const running = periodContaining(frequency, today, basis);
  const previous = periodContaining(frequency, addDays(running.start, -1), basis);
  return [previous, running].map((period) => ({ period, due: dueDate(period, regime.deadline_rule as DeadlineRule, calendar) }));
}
