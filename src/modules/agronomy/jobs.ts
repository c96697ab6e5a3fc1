import { vnDate } from '../../core/calendar/index.js';
import type { JobDefinition } from '../../core/jobs/index.js';
import { alertPests, alertSalinity } from './alerts.js';
import { publishAgronomyFigures, recentNights } from './figures.js';

/** The agronomy jobs; `publicUrl` makes the links in the subscribers' e-mails. */
export const agronomyJobs = (publicUrl: string): JobDefinition[] => [
  {
    name: 'agronomy.publish',
    // The night ends at 06:00; an hourly run publishes the nights just ended, and late batches on the next run.
    intervalSeconds: 3600,
    run: async (db, now) => {
      const written = await publishAgronomyFigures(db, recentNights(vnDate(now)));
      return `agronomy figures written: ${written}`;
    },
  },
  {
    name: 'agronomy.watch',
    // Traps report hourly and stations every quarter of an hour: alerts follow them within a quarter.
    intervalSeconds: 900,
    run: async (db, now) => {
      const pests = await alertPests(db, now);
      const salinity = await alertSalinity(db, now, publicUrl);
      return `pest alerts +${pests.raised}/−${pests.cleared}; salinity alerts +${salinity.raised}/−${salinity.cleared}`;
    },
  },
];
