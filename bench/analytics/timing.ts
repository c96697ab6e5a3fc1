import type { Db } from '../../src/db/database.js';
import { median, quick } from '../common.js';

export const RUNS = quick ? 5 : 20;

export async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

/** Ours: once on an empty cache (cold), then RUNS times warm. */
export async function measure<T>(db: Db, work: () => Promise<T>) {
  await db.deleteFrom('analytics_cache').execute();
  const cold = await time(work);
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push((await time(work)).ms);
  return { cold: cold.ms, p50: median(warm), p95: p95(warm), result: cold.result };
}

/** The plain GROUP BY has no cache, so fewer runs tell as much. */
export async function measureRaw<T>(work: () => Promise<T>) {
  const runs: number[] = [];
  let result!: T;
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    const r = await time(work);
    runs.push(r.ms);
    result = r.result;
  }
  return { p50: median(runs), p95: p95(runs), result };
}

/** Equal within rounding, nulls where the other has nulls. */
export const close = (a: (number | null)[], b: (number | null)[]) => a.length === b.length && a.every((x, i) => (x === null ? b[i] === null : b[i] !== null && Math.abs(x - b[i]!) < 1e-6 * Math.max(1, Math.abs(x))));
