import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar, type HolidayRule } from './working-days.js';

const file = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/reference/calendar/vn-public-holidays.json'), 'utf8')) as {
  rules: HolidayRule[];
  weeklyRestDays: number[];
};
const calendar = new WorkingCalendar(file.rules, file.weeklyRestDays);

describe('public holidays', () => {
  it('places Tết and the Hùng Kings by the Vietnamese lunar calendar', () => {
    const h2025 = calendar.holidays(2025);
    expect(h2025.filter((d) => d.code === 'TET' && !d.compensatory).map((d) => d.date)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
    expect(h2025.find((d) => d.code === 'HUNG_KINGS')?.date).toBe('2025-04-07');
    expect(calendar.holidays(2024).find((d) => d.code === 'HUNG_KINGS')?.date).toBe('2024-04-18');
    expect(calendar.holidays(2026).filter((d) => d.code === 'TET')[1]?.date).toBe('2026-02-17');
  });

  it('gives the next working day off when a holiday falls on a weekend', () => {
    // Tết 2025: 1 Feb is a Saturday, so Monday 3 Feb is taken in lieu.
    const lieu = calendar.holidays(2025).filter((d) => d.compensatory);
    expect(lieu.map((d) => [d.date, d.code])).toContainEqual(['2025-02-03', 'TET']);
    // 30 April 2022 was a Saturday; 1 May a Sunday: Monday 2 and Tuesday 3 May off.
    expect(calendar.holidays(2022).filter((d) => d.compensatory).map((d) => d.date)).toEqual(expect.arrayContaining(['2022-05-02', '2022-05-03']));
  });
});

describe('working-day deadlines', () => {
  it('skips weekends', () => {
    expect(calendar.addWorkingDays('2024-11-22', 1)).toBe('2024-11-25');
    expect(calendar.addWorkingDays('2024-11-25', 5)).toBe('2024-12-02');
    expect(calendar.workingDaysBetween('2024-11-22', '2024-11-29')).toBe(5);
  });

  it('crosses Tết: 10 working days from 20 January 2025 end on 10 February', () => {
    // 21–24 Jan (4), 27 Jan (5), Tết 28 Jan – 1 Feb and 3 Feb in lieu, then 4–7 Feb (9), 10 Feb (10).
    expect(calendar.addWorkingDays('2025-01-20', 10)).toBe('2025-02-10');
    expect(calendar.isWorkingDay('2025-01-29')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(false);
  });

  it('a make-up working Saturday and an extra day off from the year announcement take precedence', () => {
    const withDecision = new WorkingCalendar(file.rules, file.weeklyRestDays, [
      { date: '2025-05-02', kind: 'day_off', nameVi: 'Nghỉ hoán đổi', source: 'test decision' },
      { date: '2025-04-26', kind: 'working_day', nameVi: 'Làm bù cho 2/5', source: 'test decision' },
    ]);
    expect(withDecision.isWorkingDay('2025-04-26')).toBe(true);
    expect(withDecision.isWorkingDay('2025-05-02')).toBe(false);
    // From Friday 25 April: Saturday 26 (make-up), Monday 28, Tuesday 29; then 30/4, 1/5 and the swapped 2/5 are off.
    expect(withDecision.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(withDecision.addWorkingDays('2025-04-25', 3)).toBe('2025-04-29');
    expect(withDecision.addWorkingDays('2025-04-25', 4)).toBe('2025-05-05');
    // Without the decision: Monday 28, Tuesday 29, then Friday 2 May.
    expect(calendar.addWorkingDays('2025-04-25', 3)).toBe('2025-05-02');
  });

  it('refuses a date past the years it knows instead of guessing, or never ending (found by the fuzzer)', () => {
    // The lunar conversion knows nothing past 2199; 9999-12-31 plus a day was written +010000-01, forever a weekend.
    expect(() => calendar.addWorkingDays('9999-12-31', 3650)).toThrow(expect.objectContaining({ code: 'calendar_out_of_range' }));
    expect(() => calendar.addWorkingDays('2190-12-31', 3650)).toThrow(expect.objectContaining({ code: 'calendar_out_of_range' }));
    expect(() => calendar.isWorkingDay('0001-01-01')).toThrow(expect.objectContaining({ code: 'calendar_out_of_range' }));
    expect(calendar.addWorkingDays('2199-12-01', 5)).toBe('2199-12-06');
  });

  it('a zero-day deadline moves to the next working day', () => {
    expect(calendar.addWorkingDays('2025-01-29', 0)).toBe('2025-02-04');
    expect(calendar.addWorkingDays('2025-02-04', 0)).toBe('2025-02-04');
  });
});
