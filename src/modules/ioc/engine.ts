import { liveHub } from '../../core/live/index.js';
import type { Db } from '../../db/database.js';
import { evaluateRules } from './rules.js';

/**
 * Evaluates the rules a moment after values change (any process's write reaches every process through the live
 * stream): writes coming together make one evaluation, at most one runs at a time in a process, and runs of all
 * processes take turns under the alerts' lock, each finding what the one before did. Returns the stop.
 */
export async function startRuleEngine(db: Db, now: () => Date, log: (err: unknown) => void, delayMs = 300): Promise<() => void> {
  const hub = await liveHub(db);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const run = () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await evaluateRules(db, now());
        } catch (err) {
          log(err);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
  };
  const unsubscribe = hub.subscribe((event) => {
    if (stopped || event.topic !== 'value') return;
    if (!timer) timer = setTimeout(run, delayMs);
  });
  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
  };
}
