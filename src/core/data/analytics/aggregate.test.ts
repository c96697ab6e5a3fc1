import { describe, expect, it } from 'vitest';
import { aggregate, type ValueRow } from './aggregate.js';
import { parsePeriod } from '../periods/index.js';

const row = (unitId: number, period: string, value: number, cocId = 1): ValueRow => {
  const p = parsePeriod(period);
  return { unitId, cocId, periodType: p.type, start: p.start, end: p.end, value };
};
const year = parsePeriod('2024');
const none = new Set<number>();

describe('aggregation over time', () => {
  const months = [row(7, '2024M01', 10), row(7, '2024M02', 20), row(7, '2024M12', 60)];
  it.each([
    ['sum', 90],
    ['average', 30],
    ['min', 10],
    ['max', 60],
    ['last', 60],
    ['none', null],
  ] as const)('%s over the months of a year gives %s', (time, expected) => {
    expect(aggregate(months, { units: 'sum', time }, year, none)).toBe(expected);
  });

  it('uses a value stored for the period itself, and never counts months and quarters twice', () => {
    expect(aggregate([...months, row(7, '2024', 500)], { units: 'sum', time: 'sum' }, year, none)).toBe(500);
    const mixed = [row(7, '2024M01', 1), row(7, '2024M02', 2), row(7, '2024M03', 3), row(7, '2024Q1', 6), row(7, '2024Q2', 10)];
    expect(aggregate(mixed, { units: 'sum', time: 'sum' }, year, none)).toBe(16);
  });

  it('ignores values outside the period', () => {
    expect(aggregate([row(7, '2023M12', 99), row(7, '2024M01', 1)], { units: 'sum', time: 'sum' }, year, none)).toBe(1);
  });
});

describe('aggregation over units and disaggregations', () => {
  const communes = [row(1, '2024', 10), row(2, '2024', 30), row(3, '2024', 20)];
  it.each([
    ['sum', 60],
    ['average', 20],
    ['min', 10],
    ['max', 30],
  ] as const)('%s over units gives %s', (units, expected) => {
    expect(aggregate(communes, { units, time: 'sum' }, year, none)).toBe(expected);
  });

  it("prefers the unit's own reported value over its descendants' sum", () => {
    expect(aggregate([...communes, row(9, '2024', 75)], { units: 'sum', time: 'sum' }, year, new Set([9]))).toBe(75);
    expect(aggregate(communes, { units: 'none', time: 'sum' }, year, new Set([9]))).toBeNull();
  });

  it('sums disaggregations of additive elements and averages those of averaged ones', () => {
    const bySex = [row(1, '2024', 40, 11), row(1, '2024', 60, 12)];
    expect(aggregate(bySex, { units: 'sum', time: 'sum' }, year, none)).toBe(100);
    expect(aggregate(bySex, { units: 'average', time: 'last' }, year, none)).toBe(50);
  });

  it('gives no value when there is none', () => {
    expect(aggregate([], { units: 'sum', time: 'sum' }, year, none)).toBeNull();
  });
});
