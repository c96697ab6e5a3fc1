import { z } from 'zod';
import { isPeriodCode, parsePeriod } from '../periods/index.js';

export const ZAnalyticsQuery = z.object({
  element: z.string().max(60).optional(),
  coc: z.string().max(120).optional(),
  indicator: z.string().max(60).optional(),
  orgUnitId: z.coerce.number().int().positive(),
  periods: z.string().max(2000).transform((s, ctx) => {
    const codes = s.split(/[;,]/).map((c) => c.trim()).filter(Boolean);
    const bad = codes.find((c) => !isPeriodCode(c));
    if (bad !== undefined || !codes.length) {
      ctx.addIssue({ code: 'custom', message: 'period_codes' });
      return z.NEVER;
    }
    return codes.map((c) => parsePeriod(c));
  }),
}).refine((q) => Boolean(q.element) !== Boolean(q.indicator), { message: 'element_or_indicator', path: ['element'] });
export type AnalyticsQuery = z.infer<typeof ZAnalyticsQuery>;

export const ZSeries = z.array(z.object({ period: z.string(), value: z.number().nullable() }));
