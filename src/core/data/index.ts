// The data-value store: elements, indicators, periods, values with history, DHIS2 exchange and analytics.
// The public surface: other modules import this file only (see docs/architecture.md).
export { Analytics } from './analytics.js';
export { importValueRows } from './bulk-import.js';
export { loadExcel, readDataValueCsv } from './exchange.js';
export type { FormulaFault } from './formula.js';
export { ZCategoryCombo, createCategoryCombo } from './metadata.js';
export { parsePeriod, periodsWithin } from './periods.js';
export { loadIndicatorReference } from './reference.js';
export { dataRoutes } from './routes.js';
export { writeChecked } from './value-store.js';
export { ValueChecker, assertNoProblems, isChecked, writeValues } from './values.js';
export type { ValueInput } from './values.js';
