// DHIS2's dataValueSets: JSON, CSV and XLSX in and out, streamed imports and their jobs.
export { importValueRows } from './bulk-import.js';
export { loadExcel, readDataValueCsv } from './formats.js';
export type { DataValueDto, ImportSummary } from './formats.js';
export { exchangeRoutes } from './routes.js';
export { failOrphanedImports } from './import-jobs.js';
export { provideDataSets } from './data-sets.js';
export type { DataSetElements } from './data-sets.js';
