import type { Db } from '../../../db/database.js';
import { fillTemplate, formatMessage } from '../../../server/error-codes/index.js';
import { AppError } from '../../../server/errors.js';
import { FORMULA_FAULTS } from '../../../server/messages.js';
import { elementComboId, optionComboOwner } from '../metadata/index.js';
import { FormulaError, parseFormula, type Formula } from './formula.js';
import type { FormulaCheck } from './schema.js';

type Fault = keyof typeof FORMULA_FAULTS;

/** The refusal of a formula: its field, the 1-based position of the fault and the fault in both languages. */
function formulaError(field: string, position: number, fault: Fault, params: Record<string, string> = {}): AppError {
  const words = (locale: 'vi' | 'en') => fillTemplate(FORMULA_FAULTS[fault][locale], params);
  return new AppError('invalid_formula', { position, reasonVi: words('vi'), reasonEn: words('en') }, field);
}

/** The references of a formula with their positions in the text, which `references` does not keep. */
function referencesAt(formula: Formula): { element: string; coc?: string; position: number }[] {
  if (formula.kind === 'ref') return [formula];
  if (formula.kind === 'negate') return referencesAt(formula.operand);
  if (formula.kind === 'binary') return [...referencesAt(formula.left), ...referencesAt(formula.right)];
  return [];
}

/**
 * Checks a formula when it is saved: the grammar, then every referenced element and disaggregation. The error
 * names the field and the 1-based position of the fault.
 */
export async function checkFormula(db: Db, field: 'numerator' | 'denominator', source: string): Promise<Formula> {
  let formula: Formula;
  try {
    formula = parseFormula(source);
  } catch (err) {
    if (err instanceof FormulaError) throw formulaError(field, err.position + 1, err.fault, { ch: err.ch });
    throw err;
  }
  for (const ref of referencesAt(formula)) {
    const comboId = await elementComboId(db, ref.element);
    if (comboId === undefined) throw formulaError(field, ref.position + 1, 'unknown_element', { code: ref.element });
    if (ref.coc && (await optionComboOwner(db, ref.coc)) !== comboId) {
      throw formulaError(field, ref.position + 1, 'not_disaggregation', { code: ref.element, coc: ref.coc });
    }
  }
  return formula;
}

/**
 * The verdict on an indicator's formulas while they are being written (the editor asks as one types): valid, or the
 * field, position and wording of the first fault — the same check that saving makes.
 */
export async function checkFormulas(options: { db: Db; input: FormulaCheck }) {
  const { db, input } = options;
  try {
    await checkFormula(db, 'numerator', input.numerator);
    if (input.denominator !== undefined && input.denominator.trim() !== '') await checkFormula(db, 'denominator', input.denominator);
    return { valid: true as const };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'invalid_formula') throw err;
    return { valid: false as const, field: err.field!, position: Number(err.params.position), messages: { vi: formatMessage('invalid_formula', 'vi', err.params), en: formatMessage('invalid_formula', 'en', err.params) } };
  }
}
