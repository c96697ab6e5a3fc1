import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { isCopy } from './copy.js';
import { namesRead, writtenTables } from './statement-kind.js';

type Command = PostgresQueryResult<unknown>['command'];
type Result = { command: Command; rowCount: number; rows: unknown[] };

/** Kysely reads the affected-row count only for these commands; PGlite does not name the command, so infer it. */
function commandOf(sql: string, affectedRows: number | undefined): Command {
  const verb = /^\s*(insert|update|delete|merge)\b/i.exec(sql)?.[1];
  if (verb) return verb.toUpperCase() as Command;
  if (affectedRows && /^\s*with\b/i.test(sql)) return 'UPDATE';
  return 'SELECT';
}

/** How busy the single connection is: callers holding or waiting for it, and when a statement last completed. */
export interface PgliteActivity { queued: number; lastDoneAt: number }

/**
 * With one connection, committed data changes only when a holder that wrote lets it go. Each such release stamps
 * the tables it may have written (or all of them) with the next number; what was read from some tables is still
 * the committed state while their stamp is unchanged — even while a long import holds the connection.
 */
export interface WriteStamps { of(tables: readonly string[]): number }

/** The caller holding the connection: whether it is inside a transaction, and what it may have written so far. */
interface Holder { inTransaction: boolean; wroteAll: boolean; wrote: Set<string> }

const TURN_EVERY_MS = 20;
const GUEST = 'tinhso_guest_read';

/**
 * PGlite is one connection in one process. This adapter gives Kysely's PostgreSQL driver a "pool" of that single
 * connection and queues callers, so a transaction holds the connection until it commits and nobody else's statement
 * lands inside it — with one exception: a plain read that touches no table the holder may have written is answered
 * between the holder's statements (in a savepoint when it is inside a transaction), since nobody else can have
 * committed anything meanwhile, it reads exactly the committed state. So an officer's inbox answers while a long
 * import holds the connection; a read of the imported values waits for it.
 */
export function createPglitePool(pg: PGlite): PostgresPool & { activity(): PgliteActivity; stamps: WriteStamps } {
  let tail: Promise<void> = Promise.resolve();
  let queued = 0;
  let lastDoneAt = Date.now();
  let stamp = 0;
  let everything = 0;
  let lastTurn = Date.now();
  let holder: Holder | null = null;
  const stamped = new Map<string, number>();

  // One statement at a time reaches the engine, and a guest's savepoint, read and release go as one.
  let engine: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = engine.then(work, work);
    engine = run.catch(() => undefined);
    return run;
  };

  async function execute(sql: string, parameters: ReadonlyArray<unknown>): Promise<Result> {
    try {
      // COPY … FROM STDIN (copy.ts): PGlite reads the rows from a blob.
      if (isCopy(parameters)) {
        const copied = await pg.query(sql.replace(/FROM STDIN$/, "FROM '/dev/blob'"), [], { blob: new Blob([parameters[0].text]) });
        return { command: 'SELECT', rowCount: copied.affectedRows ?? 0, rows: [] };
      }
      // Like node-postgres, statements without parameters go through the simple protocol, which allows a
      // migration file's several statements in one call.
      const result = parameters.length ? await pg.query(sql, [...parameters]) : ((await pg.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 });
      return { command: commandOf(sql, result.affectedRows), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
    } finally {
      lastDoneAt = Date.now();
    }
  }

  /** A guest's read, answered now; null when the holder may have written what it reads, or cannot take a savepoint. */
  const asGuest = (sql: string, parameters: ReadonlyArray<unknown>, tables: Set<string>) => exclusive(async (): Promise<Result | null> => {
    const h = holder;
    if (h && (h.wroteAll || [...tables].some((t) => h.wrote.has(t)))) return null;
    if (!h?.inTransaction) return execute(sql, parameters);
    // An aborted transaction refuses the savepoint: the guest waits its turn instead.
    if (!(await pg.exec(`SAVEPOINT ${GUEST}`).then(() => true, () => false))) return null;
    try {
      return await execute(sql, parameters);
    } catch (err) {
      await pg.exec(`ROLLBACK TO SAVEPOINT ${GUEST}`);
      throw err;
    } finally {
      await pg.exec(`RELEASE SAVEPOINT ${GUEST}`);
    }
  });

  const owner = (release: () => void): PostgresPoolClient => {
    const state: Holder = { inTransaction: false, wroteAll: false, wrote: new Set() };
    holder = state;
    return {
      query: (async (sql: string, parameters: ReadonlyArray<unknown>) => {
        // A holder running statement after statement (a long transaction) would otherwise keep the thread in
        // microtasks: every so often the event loop gets its turn, for timers, health checks, new requests, guests.
        if (Date.now() - lastTurn > TURN_EVERY_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastTurn = Date.now();
        }
        if (!state.wroteAll) {
          const tables = writtenTables(sql);
          if (tables === '*') state.wroteAll = true;
          else for (const t of tables) state.wrote.add(t);
        }
        if (/^\s*(begin|start\s+transaction)\b/i.test(sql)) state.inTransaction = true;
        else if (/^\s*(commit|end|rollback)\s*(;|$|\s+(?!to\b))/i.test(sql)) state.inTransaction = false;
        return exclusive(() => execute(sql, parameters));
      }) as PostgresPoolClient['query'],
      release: () => {
        if (state.wroteAll) everything = ++stamp;
        else if (state.wrote.size) {
          stamp++;
          for (const t of state.wrote) stamped.set(t, stamp);
        }
        if (holder === state) holder = null;
        release();
      },
    };
  };

  async function turn(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => mine);
    queued++;
    await previous;
    // PGlite runs on this thread: without a turn of the event loop between holders, a queue of waiting requests
    // would run back to back in microtasks and starve I/O (a health check, a new request) until it drained.
    await new Promise((resolve) => setImmediate(resolve));
    return owner(() => {
      queued--;
      release();
    });
  }

  /** A caller arriving while the connection is held: its plain reads may be guests; its first other statement waits its turn. */
  function visitor(): PostgresPoolClient {
    let own: PostgresPoolClient | null = null;
    return {
      query: (async (sql: string, parameters: ReadonlyArray<unknown>) => {
        if (!own) {
          const tables = isCopy(parameters) ? null : namesRead(sql);
          const answered = tables && (await asGuest(sql, parameters, tables));
          if (answered) return answered;
          own = await turn();
        }
        return own.query(sql, parameters as unknown[]);
      }) as PostgresPoolClient['query'],
      release: () => own?.release(),
    };
  }

  return {
    async connect() {
      return holder || queued ? visitor() : turn();
    },
    activity: () => ({ queued, lastDoneAt }),
    stamps: { of: (tables) => Math.max(everything, ...tables.map((t) => stamped.get(t) ?? 0)) },
    async end() {
      await tail;
    },
  };
}
