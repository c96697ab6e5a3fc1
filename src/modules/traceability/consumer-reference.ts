import fs from 'node:fs';
import { z } from 'zod';
import { referenceFile } from '../../server/paths.js';

// data/reference/traceability/consumer.json: the counterfeit signals' thresholds and the names of the CBV steps.

const ZPair = z.tuple([z.string(), z.string()]);
const ZConsumer = z.object({
  version: z.string(),
  counterfeit: z.object({
    impossibleTravel: z.object({ minDistanceKm: z.number().positive(), withinMinutes: z.number().positive() }),
    maxScansPerSerial: z.number().int().positive(),
    scansPerUnit: z.number().positive(),
    countUoms: z.array(z.string()),
    lookbackDays: z.number().int().positive(),
  }),
  steps: z.object({ bizStep: z.record(z.string(), ZPair), unknown: ZPair }),
});
export type ConsumerReference = z.infer<typeof ZConsumer>;

let data: ConsumerReference | undefined;
export const consumerReference = (): ConsumerReference =>
  (data ??= ZConsumer.parse(JSON.parse(fs.readFileSync(referenceFile('traceability', 'consumer.json'), 'utf8'))));
