import { z } from 'zod';
import { SEVERITIES } from '../../core/alerts/index.js';
import { isoDate, nameText } from '../../core/validation/index.js';

const ZCode = z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,59}$/, { message: 'code_chars' });

/** A rule on an indicator: "the share of feedback answered on time < 80 % in any commune this month → major". */
export const ZRuleInput = z.object({
  nameVi: nameText(200),
  nameEn: nameText(200),
  targetKind: z.enum(['indicator', 'element']),
  targetCode: ZCode,
  unitLevel: z.enum(['province', 'district', 'commune', 'department']),
  periodType: z.enum(['month', 'quarter', 'sixmonth', 'year']),
  comparator: z.enum(['<', '<=', '>', '>=']),
  threshold: z.number().finite().min(-1e15).max(1e15),
  severity: z.enum(SEVERITIES),
  active: z.boolean().default(true),
}).strict();
export type RuleInput = z.infer<typeof ZRuleInput>;

export const ZRuleView = z.object({
  id: z.number(), nameVi: z.string(), nameEn: z.string(), targetKind: z.enum(['indicator', 'element']), targetCode: z.string(),
  unitLevel: z.enum(['province', 'district', 'commune', 'department']), periodType: z.enum(['month', 'quarter', 'sixmonth', 'year']),
  comparator: z.enum(['<', '<=', '>', '>=']), threshold: z.number(), severity: z.enum(SEVERITIES), active: z.boolean(),
  createdBy: z.string(), updatedAt: z.date(),
});
export type RuleView = z.infer<typeof ZRuleView>;
export const ZRuleId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const ZEvaluated = z.object({ raised: z.number(), cleared: z.number() });

export const ZOverviewQuery = z.object({ unitId: z.coerce.number().int().positive().optional(), asOf: isoDate().optional() }).strict();
