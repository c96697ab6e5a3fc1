/**
 * Indicator formulas in DHIS2's notation: `#{CODE}` or `#{CODE.DISAGGREGATION}` references to data elements,
 * numbers, + - * / and parentheses. A recursive-descent parser builds a tree; nothing is ever evaluated as code.
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('+' | '-') unary | primary
 *   primary := number | '#{' code ('.' code)? '}' | '(' expr ')'
 */
export type Formula =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; element: string; coc?: string; position: number }
  | { kind: 'negate'; operand: Formula }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula };

/** What is wrong with a formula; the server words each fault in Vietnamese and English (messages.ts). */
export type FormulaFault = 'empty' | 'unexpected_end' | 'unexpected' | 'expected_close' | 'unbalanced' | 'expected_brace' | 'expected_element'
  | 'expected_coc' | 'expected_close_brace';

const FAULT_TEXT: Record<FormulaFault, (ch: string) => string> = {
  empty: () => 'the formula is empty',
  unexpected_end: () => 'unexpected end of formula',
  unexpected: (ch) => `unexpected "${ch}"`,
  expected_close: () => 'expected ")"',
  unbalanced: () => 'unbalanced ")"',
  expected_brace: () => 'expected "{" after "#"',
  expected_element: () => 'expected a data element code',
  expected_coc: () => 'expected a disaggregation code after "."',
  expected_close_brace: () => 'expected "}"',
};

export class FormulaError extends Error {
  readonly reason: string;
  constructor(readonly fault: FormulaFault, readonly position: number, readonly source: string, readonly ch = '') {
    const reason = FAULT_TEXT[fault](ch);
    super(`${reason} at position ${position + 1}: ${source.slice(0, position)}⟦${source.slice(position, position + 1) || '∎'}⟧${source.slice(position + 1)}`);
    this.reason = reason;
  }
}

const CODE = /[A-Za-z0-9_]+/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;

export function parseFormula(source: string): Formula {
  let pos = 0;
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const fail = (fault: FormulaFault, at = pos, ch = ''): never => {
    throw new FormulaError(fault, at, source, ch);
  };
  const match = (re: RegExp): string | null => {
    re.lastIndex = pos;
    const m = re.exec(source);
    if (!m) return null;
    pos += m[0].length;
    return m[0];
  };

  function primary(): Formula {
    skipSpace();
    const start = pos;
    const ch = source[pos];
    if (ch === '(') {
      pos++;
      const inner = expr();
      skipSpace();
      if (source[pos] !== ')') fail('expected_close');
      pos++;
      return inner;
    }
    if (ch === '#') {
      if (source[pos + 1] !== '{') fail('expected_brace', pos + 1);
      pos += 2;
      const element = match(CODE) ?? fail('expected_element');
      let coc: string | undefined;
      if (source[pos] === '.') {
        pos++;
        coc = match(CODE) ?? fail('expected_coc');
      }
      if (source[pos] !== '}') fail('expected_close_brace');
      pos++;
      return { kind: 'ref', element, ...(coc ? { coc } : {}), position: start };
    }
    const number = match(NUMBER);
    if (number !== null) return { kind: 'number', value: Number(number) };
    if (pos >= source.length) return fail('unexpected_end');
    return fail('unexpected', pos, ch);
  }

  function unary(): Formula {
    skipSpace();
    const ch = source[pos];
    if (ch === '-' || ch === '+') {
      pos++;
      const operand = unary();
      return ch === '-' ? { kind: 'negate', operand } : operand;
    }
    return primary();
  }

  function term(): Formula {
    let left = unary();
    for (;;) {
      skipSpace();
      const op = source[pos];
      if (op !== '*' && op !== '/') return left;
      pos++;
      left = { kind: 'binary', op, left, right: unary() };
    }
  }

  function expr(): Formula {
    let left = term();
    for (;;) {
      skipSpace();
      const op = source[pos];
      if (op !== '+' && op !== '-') return left;
      pos++;
      left = { kind: 'binary', op, left, right: term() };
    }
  }

  if (!source.trim()) fail('empty', 0);
  const tree = expr();
  skipSpace();
  if (pos < source.length) fail(source[pos] === ')' ? 'unbalanced' : 'unexpected', pos, source[pos]);
  return tree;
}

export interface Reference {
  element: string;
  coc?: string;
}

export function references(formula: Formula): Reference[] {
  switch (formula.kind) {
    case 'number':
      return [];
    case 'ref':
      return [{ element: formula.element, ...(formula.coc ? { coc: formula.coc } : {}) }];
    case 'negate':
      return references(formula.operand);
    case 'binary':
      return [...references(formula.left), ...references(formula.right)];
  }
}

/**
 * The value of a formula, or null when a referenced value is missing or a division by zero occurs: an indicator
 * without its data has no value, rather than a misleading zero.
 */
export function evaluateFormula(formula: Formula, lookup: (ref: Reference) => number | null): number | null {
  switch (formula.kind) {
    case 'number':
      return formula.value;
    case 'ref':
      return lookup({ element: formula.element, ...(formula.coc ? { coc: formula.coc } : {}) });
    case 'negate': {
      const v = evaluateFormula(formula.operand, lookup);
      return v === null ? null : -v;
    }
    case 'binary': {
      const l = evaluateFormula(formula.left, lookup);
      const r = evaluateFormula(formula.right, lookup);
      if (l === null || r === null) return null;
      switch (formula.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return r === 0 ? null : l / r;
      }
    }
  }
}
