import type { FastifyBaseLogger } from 'fastify';

// A caller's mistake is worth a line in the log, not a stack, and a flood of them (a client retrying in a loop, a
// scanner) must not fill the disk: at most LINES lines per window, then one line saying how many were left out.

const WINDOW_MS = 10_000;
const LINES = 20;

export type ClientErrorLog = (log: FastifyBaseLogger, fields: Record<string, unknown>, message: string, now?: number) => void;

/** A logger of client errors (4xx) without their stacks, with a budget of its own. */
export function clientErrorLog(): ClientErrorLog {
  let windowStart = -Infinity;
  let logged = 0;
  let suppressed = 0;
  return (log, fields, message, now = Date.now()) => {
    // A clock set back starts a window too, instead of silencing the log until it catches up.
    if (now - windowStart >= WINDOW_MS || now < windowStart) {
      if (suppressed) log.info({ suppressed, windowSeconds: WINDOW_MS / 1000 }, 'client errors not logged');
      windowStart = now;
      logged = 0;
      suppressed = 0;
    }
    if (logged < LINES) {
      logged++;
      log.info(fields, message);
    } else suppressed++;
  };
}

/** The process's one budget: a flood through any route shares it. */
export const logClientError = clientErrorLog();
