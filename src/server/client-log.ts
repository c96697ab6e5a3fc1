import type { FastifyBaseLogger } from 'fastify';

// A caller's mistake is worth a line in the log, not a stack, and a flood of them (a client retrying in a loop, a
// scanner) must not fill the disk: at most LINES lines per window, then one line saying how many were left out.

const WINDOW_MS = 10_000;
const LINES = 20;

let windowStart = 0;
let logged = 0;
let suppressed = 0;

/** Logs a client error (4xx) without its stack, rate-limited per process. */
export function logClientError(log: FastifyBaseLogger, fields: Record<string, unknown>, message: string, now = Date.now()): void {
  if (now - windowStart >= WINDOW_MS) {
    if (suppressed) log.info({ suppressed, windowSeconds: WINDOW_MS / 1000 }, 'client errors not logged');
    windowStart = now;
    logged = 0;
    suppressed = 0;
  }
  if (logged < LINES) {
    logged++;
    log.info(fields, message);
  } else suppressed++;
}
