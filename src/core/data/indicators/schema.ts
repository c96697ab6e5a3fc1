import { z } from 'zod';
import { nameText } from '../../validation/index.js';

const ZCode = z.string().trim().regex(/^[A-Z0-9_]{2,60}$/, 'code_chars');
const ZFormula = z.string().trim().min(1).max(2000);
const ZPillar = z.enum(['government', 'economy', 'society', 'foundations']);
const ZDirection = z.enum(['higher', 'lower']);
const ZTargetKind = z.enum(['baseline', 'target']);

export const ZIndicatorCreate = z.object({
  code: ZCode,
  nameVi: nameText(200),
  nameEn: nameText(200),
  numerator: ZFormula,
  denominator: ZFormula.optional(),
  factor: z.number().finite().positive().optional(),
  pillar: ZPillar,
  direction: ZDirection,
  decimals: z.number().int().min(0).max(6).optional(),
  unitLabel: z.string().trim().max(30).optional(),
  framework: ZCode.optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
  description: z.string().trim().max(2000).optional(),
  source: z.string().trim().max(500).optional(),
}).strict();
export type IndicatorCreate = z.infer<typeof ZIndicatorCreate>;
export const ZIndicatorUpdate = ZIndicatorCreate.omit({ code: true }).partial().strict();
export type IndicatorUpdate = z.infer<typeof ZIndicatorUpdate>;

export const ZTargets = z.object({
  orgUnitId: z.number().int().positive(),
  targets: z.array(z.object({
    year: z.number().int().min(2000).max(2100),
    kind: ZTargetKind,
    value: z.number().finite(),
    source: z.string().trim().max(500).optional(),
  }).strict()).max(100),
}).strict();
export type Targets = z.infer<typeof ZTargets>;

export const ZFormulaCheck = z.object({ numerator: z.string().max(2000), denominator: z.string().max(2000).optional() }).strict();
export type FormulaCheck = z.infer<typeof ZFormulaCheck>;
export const ZFormulaVerdict = z.union([
  z.object({ valid: z.literal(true) }),
  z.object({ valid: z.literal(false), field: z.string(), position: z.number(), messages: z.object({ vi: z.string(), en: z.string() }) }),
]);

/** An indicator as the catalogue lists it. */
export const ZIndicatorSummary = z.object({
  code: z.string(), nameVi: z.string(), nameEn: z.string(), numerator: z.string(), denominator: z.string(), factor: z.number(),
  pillar: ZPillar, direction: ZDirection, framework: z.string(), unitLabel: z.string().nullable(),
  /** The unit label in English, from the table of units of measure. */
  unitLabelEn: z.string().nullable(), source: z.string().nullable(),
});
/** An indicator whole, as its editor shows it. */
export const ZIndicatorView = ZIndicatorSummary.extend({ decimals: z.number(), sort: z.number(), description: z.string().nullable() });
export type IndicatorView = z.infer<typeof ZIndicatorView>;
export const ZIndicatorWithTargets = ZIndicatorView.extend({
  orgUnitId: z.number(),
  targets: z.array(z.object({ year: z.number(), kind: ZTargetKind, value: z.number(), source: z.string().nullable() })),
});

export const ZIndicatorParams = z.object({ code: z.string().max(60) });
export const ZIndicatorUnitQuery = z.object({ orgUnitId: z.coerce.number().int().positive() });
