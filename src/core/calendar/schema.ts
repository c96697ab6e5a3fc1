import { z } from 'zod';
import { isoDate, nameText } from '../validation/index.js';

/** A decision of the year: a day off moved or a make-up working Saturday, with the document that announced it. */
export const ZException = z.object({
  date: isoDate(),
  kind: z.enum(['day_off', 'working_day']),
  nameVi: nameText(200),
  source: z.string().trim().min(3).max(500),
}).strict();
export type ExceptionInput = z.infer<typeof ZException>;

export const ZYearQuery = z.object({ year: z.coerce.number().int().min(1900).max(2199) });
const ZDayOff = z.object({ date: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string(), compensatory: z.boolean() });
const ZStoredException = z.object({ date: z.string(), kind: z.enum(['day_off', 'working_day']), nameVi: z.string(), source: z.string().nullable(), createdBy: z.string() });
export const ZCalendarYear = z.object({ year: z.number(), holidays: z.array(ZDayOff), exceptions: z.array(ZStoredException), workingDays: z.number() });

export const ZDeadlineQuery = z.object({ from: isoDate(), workingDays: z.coerce.number().int().min(0).max(3650) });
export const ZDeadline = z.object({ from: z.string(), workingDays: z.number(), due: z.string() });
export const ZDateParams = z.object({ date: isoDate() });
