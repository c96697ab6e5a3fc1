import { describe, expect, it } from 'vitest';
import { aggregate, coversUnits, type ValueRow } from './aggregate.js';
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

describe('a parent figure that one value could stand for', () => {
  // Children 1-4 of the unit; 5 is a department; 11 reports through child 1 (a commune of a district, say).
  const children = [1, 2, 3, 4].map((id) => ({ id, department: false })).concat({ id: 5, department: true });
  const childOf = (u: number) => (u === 11 ? 1 : u <= 5 ? u : null);
  const covers = coversUnits(children, childOf);

  it("is no figure when one child of four holds a value: one ward's share is not the city's", () => {
    expect(aggregate([row(2, '2024', 95)], { units: 'average', time: 'last' }, year, none, covers)).toBeNull();
    expect(aggregate([row(11, '2024', 95)], { units: 'max', time: 'last' }, year, none, covers)).toBeNull();
  });

  it('averages once half of the children hold values, a department counted only when it holds one', () => {
    expect(aggregate([row(11, '2024', 90), row(2, '2024', 70)], { units: 'average', time: 'last' }, year, none, covers)).toBe(80);
    expect(aggregate([row(2, '2024', 70), row(5, '2024', 90)], { units: 'average', time: 'last' }, year, none, covers)).toBeNull();
  });

  it("keeps the unit's own value and additive sums as they are", () => {
    expect(aggregate([row(9, '2024', 60), row(2, '2024', 95)], { units: 'average', time: 'last' }, year, new Set([9]), covers)).toBe(60);
    expect(aggregate([row(2, '2024', 95)], { units: 'sum', time: 'sum' }, year, none, covers)).toBe(95);
  });
});
