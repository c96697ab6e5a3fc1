import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar, type HolidayRule } from '../../core/calendar/index.js';
import { dueDate, periodContaining, periodsOfYear, reportingPeriod } from './periods.js';

const file = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/reference/calendar/vn-public-holidays.json'), 'utf8')) as { rules: HolidayRule[]; weeklyRestDays: number[] };
const calendar = new WorkingCalendar(file.rules, file.weeklyRestDays);

describe('reporting periods under Decree 09/2019, Article 12', () => {
  it.each([
    ['month', 2025, 3, '2025M03', '2025-02-15', '2025-03-14'],
    ['month', 2025, 1, '2025M01', '2024-12-15', '2025-01-14'],
    ['quarter', 2025, 1, '2025Q1', '2024-12-15', '2025-03-14'],
    ['quarter', 2025, 4, '2025Q4', '2025-09-15', '2025-12-14'],
    ['sixmonth', 2025, 1, '2025S1', '2024-12-15', '2025-06-14'],
    ['sixmonth', 2025, 2, '2025S2', '2025-06-15', '2025-12-14'],
    ['year', 2025, 1, '2025', '2024-12-15', '2025-12-14'],
  ] as const)('%s %i/%i is %s: %s – %s', (frequency, year, n, code, start, end) => {
    expect(reportingPeriod(frequency, year, n)).toEqual({ code, frequency, basis: 'decree09', start, end });
  });

  it('calendar periods where a regime asks for them, with month ends and leap years', () => {
    expect(reportingPeriod('month', 2024, 2, 'calendar')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(reportingPeriod('month', 2025, 2, 'calendar')).toMatchObject({ start: '2025-02-01', end: '2025-02-28' });
    expect(reportingPeriod('quarter', 2025, 2, 'calendar')).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
  });

  it('the Decree 09 months tile the year without gap or overlap, leap year included', () => {
    for (const year of [2024, 2025]) {
      const months = periodsOfYear('month', year);
      for (let i = 1; i < months.length; i++) {
        const gap = (Date.parse(months[i]!.start) - Date.parse(months[i - 1]!.end)) / 86_400_000;
        expect(gap).toBe(1);
      }
    }
    expect(reportingPeriod('month', 2024, 3).start).toBe('2024-02-15');
  });

  it('finds the period a day belongs to: 20 March belongs to April, 15 December to next year', () => {
    expect(periodContaining('month', '2025-03-20').code).toBe('2025M04');
    expect(periodContaining('month', '2025-03-14').code).toBe('2025M03');
    expect(periodContaining('year', '2025-12-15').code).toBe('2026');
    expect(periodContaining('quarter', '2024-12-20').code).toBe('2025Q1');
  });

  it('refuses a period that does not exist', () => {
    expect(() => reportingPeriod('quarter', 2025, 5)).toThrow(RangeError);
    expect(() => reportingPeriod('month', 2025, 0)).toThrow(RangeError);
  });
});

describe('deadlines', () => {
  it('a day of the month after the cut-off, moved off weekends and holidays', () => {
    // January 2025's report (cut-off 14 Jan) due on the 20th: a Monday.
    expect(dueDate(reportingPeriod('month', 2025, 1), { kind: 'day_of_month', day: 20, monthsAfterCutoff: 0, nextWorkingDay: true }, calendar)).toBe('2025-01-20');
    // The 15th of the month after February 2026's cut-off... 15 March 2026 is a Sunday: Monday 16.
    expect(dueDate(reportingPeriod('month', 2026, 2), { kind: 'day_of_month', day: 15, monthsAfterCutoff: 1, nextWorkingDay: true }, calendar)).toBe('2026-03-16');
    // Day 31 in a 30-day month is its last day; December → January of the next year.
    expect(dueDate(reportingPeriod('month', 2025, 4), { kind: 'day_of_month', day: 31, monthsAfterCutoff: 0, nextWorkingDay: false }, calendar)).toBe('2025-04-30');
    expect(dueDate(reportingPeriod('year', 2025, 1), { kind: 'day_of_month', day: 5, monthsAfterCutoff: 1, nextWorkingDay: false }, calendar)).toBe('2026-01-05');
  });

  it('working days after the cut-off, across Tết', () => {
    // January 2025's cut-off is 14 Jan; five working days later is 21 Jan.
    expect(dueDate(reportingPeriod('month', 2025, 1), { kind: 'working_days_after_cutoff', days: 5 }, calendar)).toBe('2025-01-21');
    // Ten working days after 14 Jan: 15–17, 20–24, 27 Jan (9); Tết 28 Jan – 1 Feb and 3 Feb in lieu; 4 Feb (10).
    expect(dueDate(reportingPeriod('month', 2025, 1), { kind: 'working_days_after_cutoff', days: 10 }, calendar)).toBe('2025-02-04');
    // A day of the month landing in Tết 2026 (17 Feb is the first day) moves past the holiday and its weekend.
    expect(dueDate(reportingPeriod('month', 2026, 2), { kind: 'day_of_month', day: 18, monthsAfterCutoff: 0, nextWorkingDay: true }, calendar)).toBe('2026-02-23');
  });
});
