import type { JobDefinition } from '../../core/jobs/index.js';
import { publishTraceabilityFigures, recentMonths } from './figures.js';
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
    name: 'traceability.publish',
    // The figures of this month and the last (late captures and scans), hourly: the IOC's counts stay within the hour.
    intervalSeconds: 3600,
    run: async (db, now) => `traceability figures written: ${await publishTraceabilityFigures(db, recentMonths(now))}`,
  },
];
