import crypto from 'node:crypto';
import { removeRun } from './templates.js';

/** One id per `vitest run`, inherited by its workers: the prepared databases they share are named by it. */
export default function setup() {
  const run = crypto.randomBytes(3).toString('hex');
  process.env.TINHSO_TEST_RUN = run;
  return () => removeRun(run, process.env.DATABASE_URL);
}
