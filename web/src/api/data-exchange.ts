import type { ImportSummary as ServerImportSummary } from '../../../src/core/data/exchange/index.js';
import { api } from './client';
import type { Json } from './json';

/** DHIS2's import summary, as the exchange's schema says. */
export type ImportSummary = Json<ServerImportSummary>;
/** A DHIS2 import conflict: DHIS2's English value, with the Vietnamese wording beside it. */
export type Conflict = ImportSummary['conflicts'][number];
export interface ImportJob { id: string; status: 'running' | 'done' | 'failed'; percent: number | null; rowsRead: number; summary: ImportSummary | null; error: string | null }

/** The import is a file posted as it is (not JSON): its content type names the format. */
export const IMPORT_TYPES: Record<string, string> = {
  csv: 'application/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};
export const importUrl = (dryRun: boolean) => `/api/dataValueSets?async=true&dryRun=${dryRun}`;
export const fetchImportJob = (url: string) => api<ImportJob>(url);

export const exportUrl = (format: string, orgUnit: string, from: string, to: string, elements: string[]) =>
  `/api/dataValueSets?format=${format}&orgUnit=${encodeURIComponent(orgUnit)}&children=true&startDate=${from}&endDate=${to}&${elements.map((e) => `dataElement=${e}`).join('&')}`;
