import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, nextLoopback, type Session } from './helpers.js';
import { buildCase, type FuzzCase } from './fuzz/cases.js';
import { excerpt, problemsOf, refuses, type Pass } from './fuzz/checks.js';
import { marks, wrongWrites } from './fuzz/expected.js';
import { buildWorld, hintsFor, OFFICER } from './fuzz/fixtures.js';
import { operationsOf, type Operation } from './fuzz/operations.js';
import { caseSeed, rng } from './fuzz/rng.js';
import { changed, quiet, snapshot } from './fuzz/snapshot.js';

/**
 * The fuzzer (issue 12, point 12): every route of the route table, anonymously, as an officer of another ward and
 * as the administrator, with hostile input generated from its schema. Fails on any 5xx, any stack or internal error
 * text in a body, an error body outside the contract, a success for a caller the route refuses, and — anonymous and
 * officer — any write the caller had no right to make.
 *
 * Deterministic: case n of a route is generated from FUZZ_SEED, the pass, the route and n alone (and the fixtures'
 * ids), so a failure prints the line that replays it on a fresh world:
 *   FUZZ_SEED=… FUZZ_PASSES=officer FUZZ_ROUTE='POST /api/users' FUZZ_CASE=17 npx vitest run test/fuzz.test.ts
 * FUZZ_CASES sets the cases per route and pass (a route that refuses the caller outright gets a quarter of them);
 * the default keeps the file near a minute on two cores. FUZZ_SEED=$RANDOM explores new cases.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261116);
const CASES = Number(process.env.FUZZ_CASES ?? 24);
const PASSES = (process.env.FUZZ_PASSES ?? 'anonymous,officer,admin').split(',') as Pass[];
const ONLY_ROUTE = process.env.FUZZ_ROUTE;
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);

/**
 * Routes not fuzzed, each with its reason: a route that streams never answers whole. The slowest others, the
 * scorecard export and a report's workbook, answer within a second.
 */
const SKIPPED: Record<string, string> = {
  // An open text/event-stream; its parameters' refusals are tested in src/core/live/routes.test.ts.
  'GET /api/live': 'streams until the client leaves',
};

/**
 * Cases left out while a fault the fuzzer found is fixed by whoever owns the code: the route, a pattern of the
 * case's label (as printed on failure) and the fault. Empty: the default seed meets no open fault.
 */
const KNOWN_FAULTS: { route: string; label: RegExp; fault: string }[] = [];

/** FUZZ_STATS=1 prints, for each pass and route, the answers by status and error code: how deep the cases go. */
const stats = new Map<string, Map<string, number>>();
const world = await buildWorld();
afterAll(async () => {
  if (process.env.FUZZ_STATS) for (const [route, seen] of stats) console.log(route, JSON.stringify(Object.fromEntries(seen)));
  await world.t.close();
});
const { t, files } = world;
const db = t.database.db;
// The fixtures wrote a case: what the platform writes after it is done before the first route is watched.
await quiet(db);
const operations = operationsOf(t.app.swagger() as never, t.app.routeTable)
  .filter((op) => !SKIPPED[op.key] && (!ONLY_ROUTE || op.key === ONLY_ROUTE));

/** The routes that end the caller's own session: each case gets a session of its own, signed in beforehand. */
const ENDS_SESSION = new Set(['POST /api/auth/logout']);

async function sessionsFor(pass: Pass, op: Operation, count: number): Promise<(Session | undefined)[]> {
  if (pass === 'anonymous') return Array.from({ length: count }, () => undefined);
  const own = pass === 'admin' ? world.admin : world.officer;
  if (!ENDS_SESSION.has(op.key)) return Array.from({ length: count }, () => own);
  const [name, password] = pass === 'admin' ? ['admin', DEMO_PASSWORD] : [OFFICER.username, OFFICER.password];
  return Promise.all(Array.from({ length: count }, () => t.login(name, password)));
}

async function send(c: FuzzCase, session: Session | undefined) {
  const auth = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
  return t.app.inject({ method: c.method as 'GET', url: c.url, headers: { ...auth, ...c.headers }, payload: c.payload, remoteAddress: nextLoopback() });
}

/** An import sent with async=true goes on after its answer: wait for it, so its writes count for its route. */
async function importsSettled(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const running = await sql<{ n: number }>`SELECT count(*)::int AS n FROM import_job WHERE status = 'running'`.execute(db);
    if (running.rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function tally(route: string, answer: string): void {
  const seen = stats.get(route) ?? new Map<string, number>();
  seen.set(answer, (seen.get(answer) ?? 0) + 1);
  stats.set(route, seen);
}

const replay = (pass: Pass, op: Operation, n: number) => `FUZZ_SEED=${SEED} FUZZ_PASSES=${pass} FUZZ_ROUTE='${op.key}' FUZZ_CASE=${n}`;

async function fuzzRoute(pass: Pass, op: Operation): Promise<string[]> {
  const count = refuses(op, pass) ? Math.max(2, Math.ceil(CASES / 4)) : CASES;
  const numbers = ONLY_CASE !== undefined ? [ONLY_CASE] : Array.from({ length: count }, (_, n) => n);
  const sessions = await sessionsFor(pass, op, numbers.length);
  const hint = hintsFor(world, op);
  const failures: string[] = [];
  const since = await marks(db);
  const before = pass === 'admin' ? null : await snapshot(db);
  for (const [i, n] of numbers.entries()) {
    const c = buildCase(rng(caseSeed(SEED, pass, op.key, n)), op, hint, files, n);
    const label = c.labels.join('; ');
    if (KNOWN_FAULTS.some((k) => k.route === op.key && k.label.test(label))) continue;
    const where = `${replay(pass, op, n)}\n    ${c.method} ${c.url.slice(0, 160)} [${label}]`;
    try {
      const res = await send(c, sessions[i]);
      if (process.env.FUZZ_STATS) tally(`${pass} ${op.key}`, `${res.statusCode} ${/"code":"(\w+)"/.exec(res.body.slice(0, 300))?.[1] ?? ''}`.trim());
      const problems = problemsOf(res, op, pass);
      if (problems.length) failures.push(`${where}\n    ${problems.join('; ')}\n    ${res.statusCode} ${excerpt(res)}`);
    } catch (err) {
      failures.push(`${where}\n    the request threw: ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    }
  }
  await importsSettled();
  if (before && pass !== 'admin') {
    let tables = changed(before, await snapshot(db));
    // Cases written: wait for what the platform writes after them, which belongs to this route.
    if (tables.some((table) => table.startsWith('case_'))) tables = changed(before, await quiet(db));
    const wrong = await wrongWrites(world, pass, op.key, tables, since);
    if (wrong.length) {
      failures.push(`FUZZ_SEED=${SEED} FUZZ_PASSES=${pass} FUZZ_ROUTE='${op.key}': a write by the wrong user: ${wrong.join('; ')} (FUZZ_CASE=n replays one case)`);
    }
  }
  return failures;
}

it('sees a write anywhere, even one that changes nothing, and knows whose writes are allowed', async () => {
  const before = await snapshot(db);
  const since = await marks(db);
  await sql`UPDATE org_unit SET name = name WHERE id = ${world.ids.unit}`.execute(db);
  const tables = changed(before, await snapshot(db));
  // The triggers that version the unit tree write too: they show as well.
  expect(tables).toContain('org_unit');
  expect(await wrongWrites(world, 'officer', 'GET /api/org-units', tables, since)).toEqual([`wrote to ${tables.join(', ')}`]);
  expect(await wrongWrites(world, 'anonymous', 'POST /api/auth/login', ['login_failure'], since)).toEqual([]);
});

// The administrator goes last: its writes (a renamed unit, a new routing rule) are its right, and change the world.
describe.each(PASSES)('hostile input to every route, %s', (pass) => {
  it.each(operations.map((op) => [op.key, op] as const))('%s', async (_key, op) => {
    const failures = await fuzzRoute(pass, op);
    expect(failures.slice(0, 6).join('\n'), `${failures.length} failing case(s)`).toBe('');
  });
});

it('covers the whole route table', () => {
  if (ONLY_ROUTE) return;
  expect(operations.length + Object.keys(SKIPPED).length).toBe(t.app.routeTable.length);
  expect(t.app.routeTable.length).toBeGreaterThan(100);
});
