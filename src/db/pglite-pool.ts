import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { isCopy } from './copy.js';
import { writtenTables } from './statement-kind.js';

type Command = PostgresQueryResult<unknown>['command'];

/** Kysely reads the affected-row count only for these commands; PGlite does not name the command, so infer it. */
function commandOf(sql: string, affectedRows: number | undefined): Command {
  const verb = /^\s*(insert|update|delete|merge)\b/i.exec(sql)?.[1];
  if (verb) return verb.toUpperCase() as Command;
  if (affectedRows && /^\s*with\b/i.test(sql)) return 'UPDATE';
  return 'SELECT';
}

/**
 * PGlite is one connection in one process. This adapter gives Kysely's PostgreSQL driver a "pool" of that single
 * connection and queues callers, so a transaction holds the connection until it commits and nobody else's statement
 * lands inside it.
 */
/** How busy the single connection is: callers holding or waiting for it, and when a statement last completed. */
export interface PgliteActivity { queued: number; lastDoneAt: number }

/**
 * With one connection, committed data changes only when a holder that wrote lets it go. Each such release stamps
 * the tables it may have written (or all of them) with the next number; what was read from some tables is still
 * the committed state while their stamp is unchanged — even while a long import holds the connection.
 */
export interface WriteStamps { of(tables: readonly string[]): number }

const TURN_EVERY_MS = 20;

export function createPglitePool(pg: PGlite): PostgresPool & { activity(): PgliteActivity; stamps: WriteStamps } {
  let tail: Promise<void> = Promise.resolve();
  let queued = 0;
  let lastDoneAt = Date.now();
  let stamp = 0;
  let everything = 0;
  let lastTurn = Date.now();
  const stamped = new Map<string, number>();
  const done = <T>(result: T): T => {
    lastDoneAt = Date.now();
    return result;
  };

  const client = (release: () => void): PostgresPoolClient => {
    let wroteAll = false;
    const wrote = new Set<string>();
    return {
      query: (async (sql: string, parameters: ReadonlyArray<unknown>) => {
        // A holder running statement after statement (a long transaction) would otherwise keep the thread in
        // microtasks: every so often the event loop gets its turn, for timers, health checks and new requests.
        if (Date.now() - lastTurn > TURN_EVERY_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastTurn = Date.now();
        }
        if (!wroteAll) {
          const tables = writtenTables(sql);
          if (tables === '*') wroteAll = true;
          else for (const t of tables) wrote.add(t);
        }
        // COPY … FROM STDIN (copy.ts): PGlite reads the rows from a blob.
        if (isCopy(parameters)) {
          const copied = done(await pg.query(sql.replace(/FROM STDIN$/, "FROM '/dev/blob'"), [], { blob: new Blob([parameters[0].text]) }));
          return { command: 'SELECT' as Command, rowCount: copied.affectedRows ?? 0, rows: [] };
        }
        // Like node-postgres, statements without parameters go through the simple protocol, which allows a
        // migration file's several statements in one call.
        const result = done(parameters.length
          ? await pg.query(sql, [...parameters])
          : ((await pg.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 }));
        return {
          command: commandOf(sql, result.affectedRows),
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      }) as PostgresPoolClient['query'],
      release: () => {
        if (wroteAll) everything = ++stamp;
        else if (wrote.size) {
          stamp++;
          for (const t of wrote) stamped.set(t, stamp);
        }
        release();
      },
    };
  };

  return {
    async connect() {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const previous = tail;
      tail = previous.then(() => turn);
      queued++;
      await previous;
      // PGlite runs on this thread: without a turn of the event loop between holders, a queue of waiting requests
      // would run back to back in microtasks and starve I/O (a health check, a new request) until it drained.
      await new Promise((resolve) => setImmediate(resolve));
      return client(() => {
        queued--;
        release();
      });
    },
    activity: () => ({ queued, lastDoneAt }),
    stamps: { of: (tables) => Math.max(everything, ...tables.map((t) => stamped.get(t) ?? 0)) },
    async end() {
      await tail;
    },
  };
}
