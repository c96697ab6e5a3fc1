// Data values: checking what is written (types, periods, units in time, scope) and writing it with its history.
export { ValueChecker, isChecked, parseValue, valueProblem } from './checker.js';
export type { Checked, RowProblem, ValueInput } from './checker.js';
export { assertNoProblems, checkValues, writeValues } from './values.js';
export type { WriteSummary } from './values.js';
export { writeChecked } from './value-store.js';
export { renewElementVersions, retypeElementValues } from './retype.js';
export type { WriteCounts, WriteSource } from './value-store.js';
export { applyStagedBatch, createStaging } from './staging.js';
export { publishedValues } from './repo.js';
export { valueRoutes } from './routes.js';
