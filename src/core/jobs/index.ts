// Scheduled jobs, run once across all processes (advisory locks) with their history.
// The public surface: other modules import this file only (see docs/architecture.md).
export { coreJobs } from './core-jobs.js';
export { Scheduler } from './scheduler.js';
export type { JobDefinition } from './scheduler.js';
export { jobRoutes } from './routes.js';
