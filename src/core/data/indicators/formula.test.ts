import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError, parseFormula, references } from './formula.js';

const values: Record<string, number> = { A: 4, B: 13, 'C.FEMALE': 3, C: 7, ZERO: 0 };
const lookup = (r: { element: string; coc?: string }) => values[r.coc ? `${r.element}.${r.coc}` : r.element] ?? null;
const run = (f: string) => evaluateFormula(parseFormula(f), lookup);

describe('parsing good formulas', () => {
  it.each([
    ['#{A}', 4],
    ['#{A} / #{B} * 100', (4 / 13) * 100],
    ['#{A} + #{B} * 2', 30],
    ['(#{A} + #{B}) * 2', 34],
    ['-#{A} + 10', 6],
    ['- - #{A}', 4],
    ['#{C.FEMALE} / #{C}', 3 / 7],
    ['1.5e2 + .5', 150.5],
    ['  #{A}\t-\n#{B}  ', -9],
    ['10 - 4 - 3', 3],
    ['100 / 10 / 2', 5],
  ])('%s = %d', (formula, expected) => {
    expect(run(formula)).toBeCloseTo(expected, 10);
  });

  it('lists the references with their disaggregation', () => {
    expect(references(parseFormula('(#{A} + #{C.FEMALE}) / #{B}'))).toEqual([{ element: 'A' }, { element: 'C', coc: 'FEMALE' }, { element: 'B' }]);
  });

  it('gives no value for a missing reference or a division by zero', () => {
    expect(run('#{A} + #{MISSING}')).toBeNull();
    expect(run('#{A} / #{ZERO}')).toBeNull();
  });
});

describe('refusing bad formulas with the position of the fault', () => {
  it.each([
    ['', 0, /empty/],
    ['#{A} +', 6, /unexpected end/],
    ['#{A} + * #{B}', 7, /unexpected "\*"/],
    ['(#{A} + #{B}', 12, /expected "\)"/],
    ['#{A})', 4, /unbalanced/],
    ['#A', 1, /expected "\{"/],
    ['#{}', 2, /expected a data element code/],
    ['#{A.}', 4, /disaggregation code/],
    ['#{A B}', 3, /expected "\}"/],
    ['#{A} #{B}', 5, /unexpected "#"/],
    ['process.exit(1)', 0, /unexpected "p"/],
    ['#{A}; DROP TABLE x', 4, /unexpected ";"/],
  ])('%j fails at %d', (formula, position, reason) => {
    try {
      parseFormula(formula);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FormulaError);
      expect((err as FormulaError).position).toBe(position);
      expect((err as FormulaError).reason).toMatch(reason);
    }
  });
});
