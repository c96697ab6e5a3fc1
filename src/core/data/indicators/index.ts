// Indicators: formulas over data elements (parsed and checked here), with targets per unit and year, and the
// Resolution 07 / DTI reference set loaded at start-up.
export { FormulaError, evaluateFormula, parseFormula, references } from './formula.js';
export type { Formula, FormulaFault, Reference } from './formula.js';
export { findDefinition, findIndicator, indicatorsOfFramework, mostTargetedUnit, unitTargets } from './repo.js';
export { loadIndicatorReference } from './reference.js';
export { indicatorRoutes } from './routes.js';
export type { IndicatorCreate } from './schema.js';
export { ensureIndicators } from './service.js';
