import os from 'node:os';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface JobDefinition {
  name: string;
  intervalSeconds: number;
  /** Does the work and returns a short account of it for the run history. */
  run(db: Db, now: Date): Promise<string>;
  /**
   * The job waits on something outside the database (another system's answer) and makes its own short transactions,
   * each item claimed so that no two processes do it twice: it runs after its turn is taken and committed, so it never
   * holds a transaction (on the embedded database, the one connection) while it waits.
   */
  outsideTransaction?: boolean;
}

const RUNNER = `${os.hostname()}:${process.pid}`;

/**
 * Durable scheduled jobs. The schedule lives in the database; each due job runs inside one transaction that holds a
 * PostgreSQL advisory lock and re-reads the job row FOR UPDATE, so with any number of processes a due run happens
 * exactly once, and a process that dies mid-run leaves the job due for the next one.
 */
export class Scheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly db: Db, private readonly jobs: JobDefinition[], private readonly now: () => Date, private readonly log: (msg: string, extra?: object) => void = () => {}) {}

  async register(): Promise<void> {
    for (const job of this.jobs) {
      await this.db
        .insertInto('scheduled_job')
        .values({ name: job.name, interval_seconds: job.intervalSeconds, next_run_at: this.now() })
        .onConflict((oc) => oc.column('name').doUpdateSet({ interval_seconds: job.intervalSeconds }))
        .execute();
    }
  }

  start(tickMs: number): void {
    const tick = () => {
      this.running = this.runDue().then(() => undefined, (err) => this.log('job tick failed', { err })).finally(() => {
        this.running = undefined;
      });
    };
    tick();
    this.timer = setInterval(tick, tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs every job that is due now; returns the names of the jobs this process ran. */
  async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      if (await this.runIfDue(job)) ran.push(job.name);
    }
    return ran;
  }

  private async runIfDue(job: JobDefinition): Promise<boolean> {
    if (job.outsideTransaction) return this.runOutside(job);
    return this.db.transaction().execute(async (trx) => {
      const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || ':job:' || ${job.name})) AS ok`.execute(trx);
      if (!lock.rows[0]?.ok) return false;
      const startedAt = this.now();
      const due = await trx.selectFrom('scheduled_job').selectAll().where('name', '=', job.name).where('next_run_at', '<=', startedAt).forUpdate().executeTakeFirst();
      if (!due) return false;
      let status: 'ok' | 'failed' = 'ok';
      let detail: string;
      try {
        detail = await runInSavepoint(trx, job, startedAt);
      } catch (err) {
        status = 'failed';
        detail = err instanceof Error ? err.message : String(err);
        this.log(`job ${job.name} failed`, { err });
      }
      const finishedAt = this.now();
      await trx
        .updateTable('scheduled_job')
        .set({
          next_run_at: new Date(startedAt.getTime() + job.intervalSeconds * 1000), last_started_at: startedAt, last_finished_at: finishedAt,
          last_status: status, last_error: status === 'failed' ? detail : null, run_count: due.run_count + 1,
        })
        .where('name', '=', job.name)
        .execute();
      await trx.insertInto('job_run').values({ job_name: job.name, started_at: startedAt, finished_at: finishedAt, status, detail, runner: RUNNER }).execute();
      return true;
    });
  }

  /** A job of its own transactions: its turn taken in one, its work after, its record in another. */
  private async runOutside(job: JobDefinition): Promise<boolean> {
    const startedAt = this.now();
    const taken = await this.db.transaction().execute(async (trx) => {
      const due = await trx.selectFrom('scheduled_job').select('run_count').where('name', '=', job.name).where('next_run_at', '<=', startedAt).forUpdate().skipLocked().executeTakeFirst();
      if (!due) return false;
      await trx.updateTable('scheduled_job').set({ next_run_at: new Date(startedAt.getTime() + job.intervalSeconds * 1000), last_started_at: startedAt, run_count: due.run_count + 1 })
        .where('name', '=', job.name).execute();
      return true;
    });
    if (!taken) return false;
    let status: 'ok' | 'failed' = 'ok';
    let detail: string;
    try {
      detail = await job.run(this.db, startedAt);
    } catch (err) {
      status = 'failed';
      detail = err instanceof Error ? err.message : String(err);
      this.log(`job ${job.name} failed`, { err });
    }
    const finishedAt = this.now();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('scheduled_job').set({ last_finished_at: finishedAt, last_status: status, last_error: status === 'failed' ? detail : null }).where('name', '=', job.name).execute();
      await trx.insertInto('job_run').values({ job_name: job.name, started_at: startedAt, finished_at: finishedAt, status, detail, runner: RUNNER }).execute();
    });
    return true;
  }
}

/** A failing job must not undo the bookkeeping of its run, so its work runs in a savepoint. */
async function runInSavepoint(trx: Db, job: JobDefinition, now: Date): Promise<string> {
  await sql`SAVEPOINT job_work`.execute(trx);
  try {
    const detail = await job.run(trx, now);
    await sql`RELEASE SAVEPOINT job_work`.execute(trx);
    return detail;
  } catch (err) {
    await sql`ROLLBACK TO SAVEPOINT job_work`.execute(trx);
    throw err;
  }
}
