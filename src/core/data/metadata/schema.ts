import { z } from 'zod';
import { nameText } from '../../validation/index.js';
import { PERIOD_TYPES } from '../periods/index.js';

export const ZCode = z.string().trim().regex(/^[A-Z0-9_]{1,40}$/, 'code_chars');
const ZAggregation = z.enum(['sum', 'average', 'last', 'min', 'max', 'none']);
const ZValueType = z.enum(['integer', 'number', 'percentage', 'boolean', 'text']);
const ZNamed = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });

export const ZCategoryCombo = z.object({
  code: ZCode,
  nameVi: nameText(200),
  nameEn: nameText(200),
  categories: z.array(z.object({
    code: ZCode,
    nameVi: nameText(200),
    nameEn: nameText(200),
    options: z.array(z.object({ code: ZCode, nameVi: nameText(200), nameEn: nameText(200) }).strict()).min(2).max(50),
  }).strict()).min(1).max(4),
}).strict();
export type CategoryComboInput = z.infer<typeof ZCategoryCombo>;
export const ZCreatedCategoryCombo = ZCategoryCombo.extend({ combinations: z.array(z.string()) });

export const ZCategoryComboView = ZNamed.extend({
  categories: z.array(ZNamed.extend({ options: z.array(ZNamed) })),
  combinations: z.array(ZNamed),
});

const ZUnitLevel = z.enum(['province', 'district', 'commune', 'department']);
export const ZDataElement = z.object({
  code: z.string().trim().regex(/^[A-Z0-9_]{2,60}$/, 'code_chars'),
  nameVi: nameText(200),
  nameEn: nameText(200),
  valueType: ZValueType,
  aggUnits: ZAggregation,
  aggTime: ZAggregation,
  unit: z.string().trim().max(30).optional(),
  periodTypes: z.array(z.enum(PERIOD_TYPES)).min(1).max(6),
  categoryCombo: ZCode.default('default'),
  description: z.string().trim().max(2000).optional(),
  source: z.string().trim().max(500).optional(),
  /** The unit levels that report it; absent: any level. */
  reportedBy: z.array(ZUnitLevel).min(1).max(4).optional(),
  /** Computed by the platform (a module's figures): nobody enters it. */
  computed: z.boolean().default(false),
}).strict();
export type DataElementInput = z.infer<typeof ZDataElement>;
/** A created element as saved (the request's schema cannot describe it: its default disaggregation is lower case). */
export const ZCreatedDataElement = ZDataElement.extend({ categoryCombo: z.string() });

/**
 * What may change in an element: its names, unit, description, source, the period types it accepts from now on,
 * its aggregation and its value type. Not its disaggregation: stored values are keyed by its combinations.
 */
export const ZDataElementUpdate = ZDataElement.pick({
  nameVi: true, nameEn: true, unit: true, periodTypes: true, description: true, source: true, valueType: true, aggUnits: true, aggTime: true,
}).extend({ reportedBy: z.array(ZUnitLevel).min(1).max(4).nullable() }).partial().strict();
export type DataElementUpdate = z.infer<typeof ZDataElementUpdate>;
export const ZUpdatedDataElement = ZDataElementUpdate.extend({ code: z.string() });

export const ZDataElementView = ZNamed.extend({
  valueType: ZValueType,
  aggUnits: ZAggregation,
  aggTime: ZAggregation,
  unit: z.string().nullable(),
  /** The unit in English, from the table of units of measure. */
  unitEn: z.string().nullable(),
  periodTypes: z.array(z.enum(PERIOD_TYPES)),
  categoryCombo: z.string(),
  reportedBy: z.array(ZUnitLevel).nullable(),
  computed: z.boolean(),
  disaggregations: z.array(ZNamed),
});
export type DataElementView = z.infer<typeof ZDataElementView>;

export const ZElementCodeParams = z.object({ code: z.string().regex(/^[A-Z0-9_]{1,60}$/) });
