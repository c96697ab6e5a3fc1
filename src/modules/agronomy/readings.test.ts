import { describe, expect, it } from 'vitest';
import { currentNight } from './readings.js';

const vn = (iso: string) => new Date(`${iso}+07:00`);

describe('the night in progress or just ended', () => {
  it('turns at 18:00 Việt Nam time and is dated by its evening', () => {
    expect(currentNight(vn('2026-11-30T05:59:00'))).toBe('2026-11-29');
    expect(currentNight(vn('2026-11-30T06:00:00'))).toBe('2026-11-29');
    expect(currentNight(vn('2026-11-30T17:59:59'))).toBe('2026-11-29');
    expect(currentNight(vn('2026-11-30T18:00:00'))).toBe('2026-11-30');
    expect(currentNight(vn('2026-12-31T23:30:00'))).toBe('2026-12-31');
    expect(currentNight(vn('2027-01-01T02:00:00'))).toBe('2026-12-31');
  });
});
