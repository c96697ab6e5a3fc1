import type { Db } from '../../db/database.js';

/** The scheduled jobs and the latest runs, for the administrator's eye. */
export async function jobsWithRuns(db: Db, runs = 50) {
  const [jobs, recent] = await Promise.all([
    db.selectFrom('scheduled_job').selectAll().orderBy('name').execute(),
    db.selectFrom('job_run').selectAll().orderBy('id', 'desc').limit(runs).execute(),
  ]);
  return { jobs, runs: recent };
}
