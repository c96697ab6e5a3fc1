import { describe, expect, it } from 'vitest';
import { MAX_MAGNITUDE, parseValue } from './checker.js';

describe('a numeric value is finite and within range', () => {
  it('refuses a value past 10^15 in either direction, which would overflow every sum it enters', () => {
    expect(parseValue('number', '1e308')).toEqual({ fault: 'out_of_range' });
    expect(parseValue('integer', '-2e15')).toEqual({ fault: 'out_of_range' });
    expect(parseValue('number', 'Infinity')).toEqual({ fault: 'not_number' });
    expect(parseValue('number', String(MAX_MAGNITUDE))).toEqual({ text: '1000000000000000', number: 1e15 });
  });

  it('keeps what a province counts: budgets in đồng, percentages, integers', () => {
    expect(parseValue('number', '8500000000000')).toEqual({ text: '8500000000000', number: 8.5e12 });
    expect(parseValue('percentage', '97.5')).toEqual({ text: '97.5', number: 97.5 });
    expect(parseValue('integer', '12.5')).toEqual({ fault: 'not_integer' });
  });
});
