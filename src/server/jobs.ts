import { coreJobs } from '../core/jobs/core-jobs.js';
import { feedbackJobs } from '../modules/feedback/figures.js';
import type { JobDefinition } from '../core/jobs/scheduler.js';

/** Every scheduled job of the platform: the core's and each module's. */
export const allJobs: JobDefinition[] = [...coreJobs, ...feedbackJobs];
