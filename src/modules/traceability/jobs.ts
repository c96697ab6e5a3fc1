import type { JobDefinition } from '../../core/jobs/index.js';
import { publishTraceabilityFigures, recentMonths } from './figures.js';
import { watchChains } from './chain-watch.js';
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
    name: 'traceability.watch',
    // Every chain re-checked daily, outside a transaction (a large chain takes a while to hash): an edit made in the
    // database reaches the IOC by the next morning.
    intervalSeconds: 86_400,
    outsideTransaction: true,
    run: async (db, now) => {
      const r = await watchChains(db, now);
      return `chains checked: ${r.checked}, broken: ${r.broken} (alerts +${r.raised}/−${r.cleared})`;
    },
  },
  {
    name: 'traceability.publish',
    // The figures of this month and the last (late captures and scans), hourly: the IOC's counts stay within the hour.
    intervalSeconds: 3600,
    run: async (db, now) => `traceability figures written: ${await publishTraceabilityFigures(db, recentMonths(now))}`,
  },
];
