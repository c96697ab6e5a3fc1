import { describe, expect, it } from 'vitest';
import { assess, slopeOf } from './status.js';

const pts = (...pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));

describe('projection and status', () => {
  it('fits a least-squares line', () => {
    expect(slopeOf(pts([2020, 10], [2021, 20], [2022, 30]))).toBeCloseTo(10);
    expect(slopeOf(pts([2022, 5]))).toBeNull();
  });

  it('is achieved when the latest value meets the target, in either direction', () => {
    expect(assess(pts([2023, 100]), { year: 2025, value: 80 }, 'higher').status).toBe('achieved');
    expect(assess(pts([2020, 57], [2022, 36]), { year: 2025, value: 40 }, 'lower').status).toBe('achieved');
  });

  it('is on track when the trend reaches the target by the target year', () => {
    const a = assess(pts([2021, 60], [2022, 70], [2023, 80]), { year: 2025, value: 100 }, 'higher');
    expect(a).toMatchObject({ status: 'on_track', projected: 100 });
  });

  it('is at risk when the trend covers half the gap, or with a single value', () => {
    expect(assess(pts([2022, 60], [2023, 70]), { year: 2025, value: 100 }, 'higher').status).toBe('at_risk');
    expect(assess(pts([2023, 30.77]), { year: 2025, value: 100 }, 'higher')).toMatchObject({ status: 'at_risk', projected: null });
  });

  it('is off track when the trend falls short or moves away', () => {
    expect(assess(pts([2022, 7.2], [2023, 7.41]), { year: 2025, value: 20 }, 'higher').status).toBe('off_track');
    expect(assess(pts([2021, 40], [2022, 45]), { year: 2025, value: 30 }, 'lower').status).toBe('off_track');
  });

  it('says when there is no data or no target', () => {
    expect(assess([], { year: 2025, value: 1 }, 'higher').status).toBe('no_data');
    expect(assess(pts([2022, 464]), null, 'higher').status).toBe('no_target');
  });
});
