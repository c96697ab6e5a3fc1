// Analytics latency over a large synthetic store, beside a plain GROUP BY over the raw table in the same run.
// Full: all 108 communes of 2024 × 60 elements × 120 months × 12 disaggregations ≈ 9.3 million values.
// Then the IOC's overview over HTTP on that store (issue 14: warm p50 < 100 ms for the city).
// --quick: 6 elements × 24 months. DATABASE_URL picks PostgreSQL; otherwise PGlite in a temporary folder.
// The parts are in bench/analytics/: the store (store.ts), the questions (measure.ts, raw.ts, timing.ts), the report.
import { measureAll } from './analytics/measure.js';
import { measureOverview } from './analytics/overview.js';
import { printFigures, printTimings } from './analytics/report.js';
import { buildStore, closeStore } from './analytics/store.js';

const store = await buildStore();
const measured = await measureAll(store);
const overview = await measureOverview(store, 'bench-password-2026');
printTimings(measured, overview);
await closeStore(store);
if (!measured.match || !measured.changed) process.exitCode = 1;
printFigures(store, measured, overview);
