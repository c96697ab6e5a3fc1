// Data values: checking what is written (types, periods, units in time, scope) and writing it with its history.
export { ValueChecker, assertNoProblems, checkValues, isChecked, parseValue, valueProblem, writeValues } from './values.js';
export type { Checked, RowProblem, ValueInput, WriteSummary } from './values.js';
export { writeChecked } from './value-store.js';
export { renewElementVersions, retypeElementValues } from './retype.js';
export type { WriteCounts, WriteSource } from './value-store.js';
export { applyStagedBatch, createStaging } from './staging.js';
export { valueRoutes } from './routes.js';
