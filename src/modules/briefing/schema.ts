import { z } from 'zod';
import { SEVERITIES } from '../../core/alerts/index.js';
import { isoDate } from '../../core/validation/index.js';
import { BRIEFING_KINDS } from './policy.js';

const ZBi = z.object({ vi: z.string(), en: z.string() });
const ZPeriod = z.object({ start: z.string(), end: z.string() });
const ZTrend = z.enum(['up', 'down', 'same', 'unknown']);
/** A count in the period and the one before, and which way it went. */
const ZCount = z.object({ current: z.number(), previous: z.number(), trend: ZTrend });
const ZBySeverity = z.record(z.enum(SEVERITIES), z.number());

/**
 * What a briefing says, as stored: figures and names in both languages, so the page and the PDF are drawn from the
 * record as it was made, whatever changes later.
 */
export const ZBriefingContent = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  period: ZPeriod,
  previous: ZPeriod,
  figures: z.array(z.object({
    field: z.string(), fieldName: ZBi, title: ZBi, period: z.string(),
    value: z.number().nullable(), previous: z.number().nullable(), trend: ZTrend, breach: z.boolean(),
  })),
  alerts: z.object({
    raised: ZCount, raisedBySeverity: ZBySeverity, active: ZBySeverity, overdue: z.number(),
    overdueList: z.array(z.object({ id: z.number(), severity: z.enum(SEVERITIES), title: ZBi, unit: z.string().nullable(), raisedAt: z.string() })),
  }),
  feedback: z.object({ received: ZCount, answered: ZCount, answeredOnTime: ZCount, late: z.number() }),
  reports: z.object({
    lateUnits: z.number(),
    late: z.array(z.object({ regime: z.string(), name: ZBi, period: z.string(), dueDate: z.string(), late: z.number() })),
  }),
});
export type BriefingContent = z.infer<typeof ZBriefingContent>;

export const ZBriefingSummary = z.object({
  id: z.number(), kind: z.enum(BRIEFING_KINDS), periodStart: z.string(), periodEnd: z.string(), generatedAt: z.date(),
});
export const ZBriefing = ZBriefingSummary.extend({ content: ZBriefingContent });
export type BriefingView = z.infer<typeof ZBriefing>;
export const ZBriefingPage = z.object({ briefings: z.array(ZBriefingSummary) });

export const ZBriefingQuery = z.object({
  kind: z.enum(BRIEFING_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(60),
  /** The id of the last briefing of the previous page. */
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
}).strict();
export type BriefingQuery = z.infer<typeof ZBriefingQuery>;

export const ZBriefingId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const ZPdfQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi') }).strict();

export const ZGenerate = z.object({
  kind: z.enum(BRIEFING_KINDS),
  /** The day the briefing is made on (its period is the day or the week before); today when absent. */
  madeOn: isoDate().optional(),
  /** Make it again from today's figures when one for the period exists (it is replaced, and nobody is told again). */
  replace: z.boolean().default(false),
}).strict();
export type GenerateInput = z.infer<typeof ZGenerate>;
