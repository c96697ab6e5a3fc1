import { z } from 'zod';
import { instant, isoDate } from '../../validation/index.js';

/** DHIS2's dataValueSets JSON: values with their own period and unit, or the set's. */
export const ZDataValueSet = z.object({
  dataSet: z.string().max(100).optional(),
  completeDate: z.string().max(40).optional(),
  period: z.string().max(20).optional(),
  orgUnit: z.string().max(60).optional(),
  attributeOptionCombo: z.string().max(120).optional(),
  dataValues: z.array(z.object({
    dataElement: z.string().max(60),
    period: z.string().max(20).optional(),
    orgUnit: z.string().max(60).optional(),
    categoryOptionCombo: z.string().max(120).optional(),
    attributeOptionCombo: z.string().max(120).optional(),
    value: z.union([z.string().max(50_000), z.number(), z.boolean(), z.null()]).optional().transform((v) => (v === undefined || v === null ? null : String(v))),
    storedBy: z.string().max(100).optional(),
    lastUpdated: z.string().max(40).optional(),
    created: z.string().max(40).optional(),
    comment: z.string().max(2000).nullable().optional(),
    followup: z.boolean().optional(),
    deleted: z.boolean().optional(),
  })).max(1_000_000),
});

export const ZImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  atomicMode: z.enum(['ALL', 'NONE']).default('ALL'),
  importStrategy: z.enum(['CREATE_AND_UPDATE', 'DELETE']).default('CREATE_AND_UPDATE'),
  async: z.enum(['true', 'false']).default('false'),
  idScheme: z.enum(['code', 'CODE']).optional(),
  /** DHIS2's data set (a reporting regime's code): every row must be of its elements. */
  dataSet: z.string().max(100).optional(),
});
export type ImportQuery = z.infer<typeof ZImportQuery>;

const ZRepeated = z.union([z.string().max(200), z.array(z.string().max(200)).max(10_000)]).transform((v) => (Array.isArray(v) ? v : [v]));

export const ZExportQuery = z.object({
  dataElement: ZRepeated.optional(),
  /** DHIS2's data set (a reporting regime's code): its elements, with any dataElement given. */
  dataSet: ZRepeated.optional(),
  period: ZRepeated.optional(),
  startDate: isoDate().optional(),
  endDate: isoDate().optional(),
  orgUnit: ZRepeated,
  children: z.enum(['true', 'false']).default('false'),
  includeDeleted: z.enum(['true', 'false']).default('false'),
  lastUpdated: instant().optional(),
  limit: z.coerce.number().int().min(1).max(1_000_000).optional(),
  format: z.enum(['json', 'csv', 'xlsx']).optional(),
}).refine((x) => (x.period?.length ?? 0) > 0 || (x.startDate && x.endDate) || x.lastUpdated, {
  message: 'period_or_dates', path: ['period'],
}).refine((x) => (x.dataElement?.length ?? 0) > 0 || (x.dataSet?.length ?? 0) > 0, { message: 'element_or_data_set', path: ['dataElement'] });
export type ExportRequest = z.infer<typeof ZExportQuery>;

export const ZDataValue = z.object({
  dataElement: z.string(), period: z.string(), orgUnit: z.string(), categoryOptionCombo: z.string().optional(), attributeOptionCombo: z.string().optional(),
  value: z.string().nullable().optional(), storedBy: z.string().optional(), lastUpdated: z.string().optional(), comment: z.string().nullable().optional(),
  followup: z.boolean().optional(), deleted: z.boolean().optional(),
});
export const ZExported = z.object({ dataValues: z.array(ZDataValue) });

const ZConflict = z.object({ object: z.string(), value: z.string(), vi: z.string(), errorCode: z.string(), property: z.string(), indexes: z.array(z.number()) });
export const ZImportSummary = z.object({
  responseType: z.literal('ImportSummary'),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  description: z.string(),
  importOptions: z.object({ dryRun: z.boolean(), atomicMode: z.enum(['ALL', 'NONE']), idScheme: z.literal('code') }),
  importCount: z.object({ imported: z.number(), updated: z.number(), ignored: z.number(), deleted: z.number() }),
  conflicts: z.array(ZConflict),
  dataSetComplete: z.literal('false'),
});
/** Nothing was imported: DHIS2's summary with every conflict, and the platform's error in both languages. */
export const ZRefusedImport = ZImportSummary.extend({
  error: z.object({ code: z.string(), message: z.string(), messages: z.object({ vi: z.string(), en: z.string() }) }),
});
export const ZAcceptedImport = z.object({ id: z.string(), status: z.literal('running'), url: z.string() });

export const ZImportParams = z.object({ id: z.string().max(40) });
export const ZImportJob = z.object({
  id: z.string(), status: z.enum(['running', 'done', 'failed']), format: z.string(), dryRun: z.boolean(), atomicMode: z.string(), createdBy: z.string(),
  createdAt: z.date(), finishedAt: z.date().nullable(), bytesTotal: z.number().nullable(), bytesRead: z.number().nullable(), rowsRead: z.number().nullable(),
  rowsTotal: z.number().nullable(), percent: z.number().nullable(), summary: ZImportSummary.nullable(), error: z.string().nullable(),
});
