import { z } from 'zod';

export const ZValueInput = z.object({
  element: z.string().min(1).max(60),
  orgUnitId: z.number().int().positive(),
  period: z.string().min(4).max(10),
  coc: z.string().min(1).max(120).optional(),
  value: z.union([z.string().max(50_000), z.number(), z.boolean(), z.null()]),
  comment: z.string().max(2000).nullable().optional(),
  followup: z.boolean().optional(),
}).strict();
export const ZWriteValuesBody = z.object({ values: z.array(ZValueInput).min(1).max(50_000) }).strict();
export const ZDryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') });

const ZProblem = z.object({ row: z.number(), field: z.string(), code: z.string(), vi: z.string(), en: z.string(), value: z.unknown().optional() });
export const ZWriteSummary = z.object({ imported: z.number(), updated: z.number(), ignored: z.number(), deleted: z.number(), problems: z.array(ZProblem) });

export const ZFollowUpQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });
export const ZFollowUpValue = z.object({
  id: z.number(), element: z.string(), elementNameVi: z.string(), elementNameEn: z.string(), orgUnitId: z.number(), orgUnitCode: z.string(),
  orgUnitName: z.string(), period: z.string(), coc: z.string(), value: z.string(), comment: z.string().nullable(), storedBy: z.string(),
  lastUpdated: z.date(),
});

export const ZValuesQuery = z.object({ element: z.string().max(60), orgUnitId: z.coerce.number().int().positive(), period: z.string().max(10).optional() });
export const ZStoredValue = z.object({
  id: z.number(), element: z.string(), orgUnitId: z.number(), period: z.string(), coc: z.string(), value: z.string(), comment: z.string().nullable(),
  followup: z.boolean(), storedBy: z.string(), sourceKind: z.string(), sourceRef: z.string().nullable(), lastUpdated: z.date(),
});

export const ZValueParams = z.object({ id: z.coerce.number().int().positive() });
export const ZHistoryEntry = z.object({
  id: z.number(), data_value_id: z.number(), changed_at: z.date(), changed_by: z.string(), source_kind: z.string(), source_ref: z.string().nullable(),
  change: z.enum(['create', 'update', 'delete', 'restore', 'comment', 'followup']), old_value: z.string().nullable(), new_value: z.string().nullable(),
  comment: z.string().nullable(),
});
