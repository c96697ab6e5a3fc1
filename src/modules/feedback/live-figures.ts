import { sql } from 'kysely';
import { onCaseWritten } from '../../core/cases/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { publishFeedbackFigures } from './figures.js';

/**
 * Keeps the feedback figures in the data-value store following the cases, through any process: a moment after cases
 * are written (the writer's transaction has committed by then), the figures are published again from the committed
 * cases. Writes coming together make one publication (a trailing delay, and at most one publication running per
 * process, another following when cases were written meanwhile). Publications of all processes take one advisory
 * lock, so each counts after the one before committed and the last one counts every committed case; the scheduled
 * job (feedback.publish_figures) remains the safety net for a process that stopped in between, and for figures that
 * change with time alone (overdue at month end).
 */
/** One publication at a time across processes: the live one and the scheduled job's. */
export async function publishFeedbackFiguresLocked(db: Db, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':feedback.figures'))`.execute(trx);
    return publishFeedbackFigures(trx, now);
  });
}

export function liveFeedbackFigures(db: Db, now: () => Date, log: (err: unknown) => void, delayMs = 250) {
  let timer: NodeJS.Timeout | undefined;
  let waitingSince = 0;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const publish = async () => {
    do {
      again = false;
      const started = Date.now();
      try {
        await publishFeedbackFiguresLocked(db, now());
      } catch (err) {
        log(err);
      }
      // A large store takes longer to count: publications then take at most about a quarter of the time.
      if (again && !closed) await new Promise((r) => setTimeout(r, Math.max(delayMs, 3 * (Date.now() - started))));
    } while (again && !closed);
  };
  const run = () => {
    timer = undefined;
    waitingSince = 0;
    if (running) {
      again = true;
      return;
    }
    running = publish().finally(() => {
      running = undefined;
    });
  };
  const unsubscribe = onCaseWritten(() => {
    if (closed) return;
    // Under a steady stream of writes, the figures still follow within a few delays.
    if (timer && Date.now() - waitingSince > 8 * delayMs) return;
    if (timer) clearTimeout(timer);
    else waitingSince = Date.now();
    timer = setTimeout(run, delayMs);
  });
  return {
    /** Resolves once no publication is waiting or running (tests, shutdown). */
    async settled(): Promise<void> {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, delayMs)));
    },
    async close(): Promise<void> {
      closed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
