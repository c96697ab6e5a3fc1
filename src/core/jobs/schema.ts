import { z } from 'zod';

export const ZJobs = z.object({
  jobs: z.array(z.object({
    name: z.string(), interval_seconds: z.number(), next_run_at: z.date(), last_started_at: z.date().nullable(), last_finished_at: z.date().nullable(),
    last_status: z.enum(['ok', 'failed']).nullable(), last_error: z.string().nullable(), run_count: z.number(),
  })),
  runs: z.array(z.object({
    id: z.number(), job_name: z.string(), started_at: z.date(), finished_at: z.date(), status: z.enum(['ok', 'failed']), detail: z.string().nullable(),
    runner: z.string(),
  })),
});
