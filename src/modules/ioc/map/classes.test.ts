import { describe, expect, it } from 'vitest';
import { classOf, quantileClasses, ruleClasses } from './classes.js';

describe('the colour classes of the map', () => {
  it('cuts five classes at the quantiles, each value in exactly one', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, null];
    const classes = quantileClasses(values);
    expect(classes).toHaveLength(5);
    expect(classes[0]).toEqual({ from: null, to: 30, breach: false });
    expect(classes[4]).toEqual({ from: 90, to: null, breach: false });
    expect(values.map((v) => classOf(v, classes))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, null]);
  });

  it('makes fewer classes when few distinct values are shown, and none without a value', () => {
    expect(quantileClasses([5, 5, 7])).toEqual([{ from: null, to: 7, breach: false }, { from: 7, to: null, breach: false }]);
    expect(quantileClasses([3])).toEqual([{ from: null, to: null, breach: false }]);
    expect(classOf(3, quantileClasses([3]))).toBe(0);
    expect(quantileClasses([null, null])).toEqual([]);
    expect(classOf(4, [])).toBeNull();
  });

  it("follows an IOC rule's threshold: the values breaking it are the first class", () => {
    const rule = { comparator: '<' as const, threshold: 80 };
    const classes = ruleClasses(rule);
    expect(classes).toEqual([{ from: null, to: 80, breach: true }, { from: 80, to: null, breach: false }]);
    expect([79.9, 80, 95, null].map((v) => classOf(v, classes, rule))).toEqual([0, 1, 1, null]);
    expect(ruleClasses({ comparator: '>=', threshold: 3 })[0]).toEqual({ from: 3, to: null, breach: true });
  });
});
