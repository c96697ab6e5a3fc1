import type { JobDefinition } from '../../core/jobs/index.js';
import { resumeCaptures } from './capture.js';
import { writeCheckpoints } from './integrity.js';

/** The traceability jobs. */
export const traceabilityJobs: JobDefinition[] = [
  {
    name: 'traceability.checkpoint',
    // A signed checkpoint of each chain that grew, hourly: a rewrite of older links is caught against it.
    intervalSeconds: 3600,
    run: async (db, now) => `checkpoints signed: ${await writeCheckpoints(db, now)}`,
  },
  {
    name: 'traceability.captures',
    // A capture whose process died is taken up again within a few minutes of being found stale.
    intervalSeconds: 300,
    outsideTransaction: true,
    run: async (db, now) => `captures resumed: ${await resumeCaptures(db, now)}`,
  },
];
