// The data-value store: elements, indicators, periods, values with history, DHIS2 exchange and analytics, each a
// sub-module with its own index. The public surface: other modules import this file only (see docs/architecture.md).
export { Analytics, figuresVersion } from './analytics/index.js';
export { failOrphanedImports, importValueRows, loadExcel, provideDataSets, readDataValueCsv } from './exchange/index.js';
export type { FormulaFault, IndicatorCreate } from './indicators/index.js';
export { ensureIndicators, findIndicator, indicatorsOfFramework, loadIndicatorReference, mostTargetedUnit, unitTargets } from './indicators/index.js';
export type { CategoryComboInput, ElementDefinition } from './metadata/index.js';
export {
  ZCategoryCombo, createCategoryCombo, elementEntry, elementsByCodes, ensureCategoryCombo, ensureDataElements, optionComboOwner, optionCombosByCodes, unitInEnglish,
} from './metadata/index.js';
export { isPeriodCode, parsePeriod, periodOf, periodsWithin } from './periods/index.js';
export type { Period, PeriodType } from './periods/index.js';
export { dataRoutes } from './routes.js';
export { ValueChecker, assertNoProblems, isChecked, publishedValues, writeChecked, writeValues } from './values/index.js';
export type { ValueInput } from './values/index.js';
