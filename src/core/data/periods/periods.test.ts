import { describe, expect, it } from 'vitest';
import { contains, isPeriodCode, parsePeriod, periodOf, periodsWithin, toCoarser } from './periods.js';

describe('period codes', () => {
  it.each([
    ['2024', 'year', '2024-01-01', '2024-12-31'],
    ['2024S1', 'sixmonth', '2024-01-01', '2024-06-30'],
    ['2024S2', 'sixmonth', '2024-07-01', '2024-12-31'],
    ['2024Q3', 'quarter', '2024-07-01', '2024-09-30'],
    ['2024M02', 'month', '2024-02-01', '2024-02-29'],
    ['2023M02', 'month', '2023-02-01', '2023-02-28'],
    ['2024W31', 'week', '2024-07-29', '2024-08-04'],
    ['2020W53', 'week', '2020-12-28', '2021-01-03'],
    ['2025W01', 'week', '2024-12-30', '2025-01-05'],
    ['20240715', 'day', '2024-07-15', '2024-07-15'],
    ['20240229', 'day', '2024-02-29', '2024-02-29'],
  ])('%s is a %s from %s to %s', (code, type, start, end) => {
    expect(parsePeriod(code)).toEqual({ code, type, start, end });
  });

  // Year 0000 has no dates in PostgreSQL, and Date.UTC reads 0–99 as 1900–1999 (the fuzzer sent 0000).
  it.each(['2024M13', '2024Q5', '2024S3', '2024W54', '2024W53', '20230229', '20241301', '24', '2024-07', 'abc', '', '0000', '0000M01', '0099Q1', '00000101'])('%s is refused', (code) => {
    expect(isPeriodCode(code)).toBe(false);
    expect(() => parsePeriod(code)).toThrow(/not a period code/);
  });

  it('finds the period of a date, with ISO weeks across the new year', () => {
    expect(periodOf('week', '2021-01-01').code).toBe('2020W53');
    expect(periodOf('week', '2024-12-31').code).toBe('2025W01');
    expect(periodOf('quarter', '2024-11-30').code).toBe('2024Q4');
    expect(periodOf('sixmonth', '2024-07-01').code).toBe('2024S2');
  });

  it('converts to coarser periods, and refuses a week that straddles two months', () => {
    expect(toCoarser(parsePeriod('2024M07'), 'quarter')?.code).toBe('2024Q3');
    expect(toCoarser(parsePeriod('2024M07'), 'year')?.code).toBe('2024');
    expect(toCoarser(parsePeriod('20240715'), 'week')?.code).toBe('2024W29');
    expect(toCoarser(parsePeriod('2024W31'), 'month')).toBeNull();
    expect(toCoarser(parsePeriod('2024W31'), 'year')?.code).toBe('2024');
    expect(toCoarser(parsePeriod('2025W01'), 'year')).toBeNull();
  });

  it('lists the periods inside another', () => {
    expect(periodsWithin(parsePeriod('2024'), 'month').map((p) => p.code)).toHaveLength(12);
    expect(periodsWithin(parsePeriod('2024S2'), 'quarter').map((p) => p.code)).toEqual(['2024Q3', '2024Q4']);
    expect(periodsWithin(parsePeriod('2024M02'), 'day')).toHaveLength(29);
    expect(contains(parsePeriod('2024'), parsePeriod('2024W31'))).toBe(true);
  });
});
