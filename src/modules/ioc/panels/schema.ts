import { z } from 'zod';
import { isoDate, nameText } from '../../../core/validation/index.js';

export const PANEL_KINDS = ['number', 'trend', 'bar', 'table', 'map'] as const;
const LEVELS = ['province', 'district', 'commune', 'department'] as const;
const PERIOD_TYPES = ['month', 'quarter', 'sixmonth', 'year'] as const;
const ZCode = z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,59}$/, { message: 'code_chars' });

export const ZPanelOptions = z.object({
  periods: z.number().int().min(2).max(36).optional(),
  limit: z.number().int().min(1).max(100).optional(),
}).strict();

/** A panel of a field: one indicator or data element shown as a number, a trend, a bar by unit, a table or a map. */
export const ZPanelInput = z.object({
  fieldCode: ZCode,
  kind: z.enum(PANEL_KINDS),
  targetKind: z.enum(['indicator', 'element']),
  targetCode: ZCode,
  unitLevel: z.enum(LEVELS),
  periodType: z.enum(PERIOD_TYPES),
  options: ZPanelOptions.default({}),
  position: z.number().int().min(0).max(9999),
  titleVi: nameText(200),
  titleEn: nameText(200),
}).strict();
export type PanelInput = z.infer<typeof ZPanelInput>;

export const ZPanelView = z.object({
  id: z.number(), key: z.string().nullable(), fieldCode: z.string(), kind: z.enum(PANEL_KINDS),
  targetKind: z.enum(['indicator', 'element']), targetCode: z.string(), unitLevel: z.enum(LEVELS), periodType: z.enum(PERIOD_TYPES),
  options: z.object({ periods: z.number().optional(), limit: z.number().optional() }), position: z.number(),
  titleVi: z.string(), titleEn: z.string(), updatedAt: z.date(),
});
export type PanelView = z.infer<typeof ZPanelView>;

export const ZFieldPanels = z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), panels: z.array(ZPanelView) }));

export const ZPanelId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const ZFieldCode = z.object({ code: ZCode });
export const ZPanelDataQuery = z.object({ unit: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(), date: isoDate().optional() }).strict();

const ZStatus = z.enum(['ok', 'breach']).nullable();
export const ZPanelData = z.object({
  field: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  date: z.string(),
  panels: z.array(z.object({
    panelId: z.number(),
    kind: z.enum(PANEL_KINDS),
    period: z.string(),
    value: z.number().nullable(),
    previous: z.number().nullable(),
    trend: z.enum(['up', 'down', 'flat']).nullable(),
    status: ZStatus,
    severity: z.string().nullable(),
    // A trend's periods, oldest first; a bar's, table's or map's units, highest value first.
    points: z.array(z.object({ label: z.string(), unitId: z.number().nullable(), value: z.number().nullable(), status: ZStatus })),
  })),
});
export type PanelData = z.infer<typeof ZPanelData>;
