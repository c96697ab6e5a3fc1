import { describe, expect, it } from 'vitest';
import { lunarDate, lunarLabel } from './index.js';

describe('lunar dates', () => {
  it('finds the first day of Tết in years whose dates are known', () => {
    for (const tet of ['2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06']) {
      expect(lunarDate(tet)).toMatchObject({ day: 1, month: 1, leap: false });
    }
  });

  it('names a leap month: 22 March 2023 was the first day of the leap second month', () => {
    expect(lunarDate('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarLabel('2023-03-22', 'vi')).toBe('1/2 nhuận ÂL');
    expect(lunarLabel('2024-02-24', 'en')).toBe('15/1 lunar');
  });
});
