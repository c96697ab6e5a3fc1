import { z } from 'zod';
import { QUERY_PARAMS } from './query.js';

// The EPCIS routes' schemas. Documents and events are checked by the EPCIS schema (epcis/schema.ts), not here:
// zod only says they are JSON objects, so that every problem comes back in the standard's terms.

const ZJsonObject = z.record(z.string(), z.unknown());
export const ZEpcisDocument = ZJsonObject;
export const ZCaptureQuery = z.object({ producerId: z.coerce.number().int().positive().optional() }).strict();
const ZParam = z.union([z.string().max(2000), z.array(z.string().max(2000)).max(20)]);
export const ZEventQuery = z.object(Object.fromEntries(QUERY_PARAMS.map((p) => [p, ZParam.optional()])) as Record<(typeof QUERY_PARAMS)[number], z.ZodOptional<typeof ZParam>>).strict();
export const ZCaptureParam = z.object({ captureID: z.string().uuid() });
export const ZEventParam = z.object({ eventID: z.string().min(1).max(500) });
export const ZResourceParam = z.object({ id: z.string().min(1).max(500) });

const ZProblem = z.object({ pointer: z.string(), code: z.string(), detail: z.string(), message: z.string(), messages: z.object({ vi: z.string(), en: z.string() }) });
export const ZCaptureJob = z.object({
  captureID: z.string(), producerId: z.number(), createdAt: z.date(), finishedAt: z.date(), running: z.boolean(), success: z.boolean(),
  captureErrorBehaviour: z.literal('rollback'), eventCount: z.number(), errors: z.array(ZProblem), warnings: z.array(ZProblem),
});
export const ZQueryDocument = z.object({
  '@context': z.array(z.union([z.string(), z.record(z.string(), z.string())])),
  type: z.literal('EPCISQueryDocument'), schemaVersion: z.literal('2.0'), creationDate: z.string(),
  epcisBody: z.object({ queryResults: z.object({ queryName: z.string(), resultsBody: z.object({ eventList: z.array(ZJsonObject) }) }) }),
});
export const ZEvent = ZJsonObject;
export const ZResourceList = z.array(z.string());
export type CaptureJob = z.infer<typeof ZCaptureJob>;
export type CaptureProblem = CaptureJob['errors'][number];
