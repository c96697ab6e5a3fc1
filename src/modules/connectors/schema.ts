import { z } from 'zod';
import { nameText } from '../../core/validation/index.js';

const ZField = z.string().trim().min(1).max(100);
const ZCode = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, { message: 'code_chars' });
const ZHeaderName = z.string().regex(/^[A-Za-z0-9-]{1,60}$/, { message: 'identifier_chars' });

/** Which fields of a record hold the unit's code, the period (DHIS2 or ISO form) and each element's value. */
export const ZMapping = z.object({
  unitField: ZField,
  periodField: ZField,
  values: z.array(z.object({ field: ZField, element: ZCode, coc: ZCode.optional() }).strict()).min(1).max(50),
}).strict();
export type Mapping = z.infer<typeof ZMapping>;

/** What a pull needs: where, in which form, and how patiently. */
export const ZSource = z.object({
  url: z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }).max(2000),
  format: z.enum(['json', 'csv']),
  /** Dotted path to the array of records in a JSON document ("data.items"); empty: the document is the array. */
  jsonPath: z.string().trim().max(200).regex(/^([A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*)?$/, { message: 'identifier_chars' }).default(''),
  /** Headers sent with each pull (an API key); answered masked. A masked value sent back keeps the stored one. */
  headers: z.record(ZHeaderName, z.string().max(2000)).refine((h) => Object.keys(h).length <= 10, { message: 'headers_at_most_10' }).default({}),
  timeoutSeconds: z.number().int().min(1).max(60).default(10),
  retries: z.number().int().min(0).max(5).default(2),
  mapping: ZMapping,
});

export const ZConnectorInput = ZSource.extend({
  nameVi: nameText(200),
  nameEn: nameText(200),
  /** How often it is pulled: every 5 minutes to once a week. */
  intervalMinutes: z.number().int().min(5).max(10080),
  /** Raise an alert when the data have not changed for this long; never when absent. */
  staleAfterMinutes: z.number().int().min(5).max(525600).nullable().default(null),
  active: z.boolean().default(true),
}).strict();
export type ConnectorInput = z.infer<typeof ZConnectorInput>;

/** A preview takes the form as it stands (its names and schedule are not needed, and are ignored) and, when editing, the connector whose secret headers to use. */
export const ZPreviewInput = ZSource.extend({ connectorId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() });
export type PreviewInput = z.infer<typeof ZPreviewInput>;

export const ZBadRow = z.object({ row: z.number(), field: z.string(), vi: z.string(), en: z.string(), value: z.unknown().optional() });
export type BadRow = z.infer<typeof ZBadRow>;

export const ZConnectorView = z.object({
  id: z.number(), nameVi: z.string(), nameEn: z.string(), url: z.string(), format: z.enum(['json', 'csv']), jsonPath: z.string(),
  /** Header names with their values masked. */
  headers: z.record(z.string(), z.string()),
  mapping: ZMapping, intervalMinutes: z.number(), staleAfterMinutes: z.number().nullable(), timeoutSeconds: z.number(), retries: z.number(),
  active: z.boolean(), lastRunAt: z.date().nullable(), nextRunAt: z.date(), changedAt: z.date().nullable(),
  lastOutcome: z.enum(['ok', 'unchanged', 'failed']).nullable(), createdBy: z.string(), updatedAt: z.date(),
});
export type ConnectorView = z.infer<typeof ZConnectorView>;

export const ZRunView = z.object({
  id: z.number(), connectorId: z.number(), startedAt: z.date(), finishedAt: z.date(), outcome: z.enum(['ok', 'unchanged', 'failed']),
  trigger: z.enum(['schedule', 'manual']), httpStatus: z.number().nullable(), attempts: z.number(), rowsRead: z.number(),
  imported: z.number(), updated: z.number(), ignored: z.number(), refused: z.number(), badRows: z.array(ZBadRow),
  error: z.object({ vi: z.string(), en: z.string() }).nullable(),
});
export type RunView = z.infer<typeof ZRunView>;

/** A preview: the rows as they would be written, and those refused with their reasons. Nothing is written. */
export const ZPreview = z.object({
  rowsRead: z.number(),
  rows: z.array(z.object({ row: z.number(), unitCode: z.string(), orgUnitId: z.number(), period: z.string(), element: z.string(), coc: z.string().nullable(), value: z.string() })),
  badRows: z.array(ZBadRow),
});

export const ZConnectorId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const ZRunsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict();
export type PreviewResult = z.infer<typeof ZPreview>;
