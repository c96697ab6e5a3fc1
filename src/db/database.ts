import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { createPglitePool, type WriteStamps } from './pglite-pool.js';
import { listenOverOwnConnection, type ChannelListener } from './listen.js';
import { withCopy } from './pg-pool.js';

export type { ChannelListener } from './listen.js';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the embedded data lives (PGlite only), or the server's address without credentials. */
  location: string;
  /** The embedded engine itself, for the few things only it can do (the import benchmark's COPY of a blob). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use a server; absent for the embedded database. */
  url?: string;
  /** Embedded data directory; 'memory://' for a throw-away database. */
  pgliteDir?: string;
  /** A PostgreSQL schema to work in (tests give every file its own). */
  schema?: string;
  poolSize?: number;
  /** PGlite only: start from this dump of a data directory (dumpDataDir) instead of an empty one. */
  pgliteSnapshot?: Blob;
}

// Dates stay 'YYYY-MM-DD' strings (a JS Date would shift them by the time zone); ids fit in a JS number.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

/** What a readiness check learns of the database without queueing behind the work it is doing. */
export type Probe = { state: 'ok' | 'busy'; latencyMs: number } | { state: 'down'; latencyMs: number; reason: string };
const probes = new WeakMap<Db, (timeoutMs: number) => Promise<Probe>>();

/** A statement whose answer is awaited at most timeoutMs. */
async function timed(run: () => Promise<unknown>, timeoutMs: number): Promise<Probe> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs)));
  const outcome = await Promise.race([run().then(() => null, (err: unknown) => (err instanceof Error ? err.message : String(err))), late]).finally(() => clearTimeout(timer));
  const latencyMs = Date.now() - started;
  return outcome === null ? { state: 'ok', latencyMs } : { state: 'down', latencyMs, reason: outcome };
}

/**
 * Is the database answering? On PostgreSQL a connection of its own asks, so a full pool does not delay the answer;
 * on PGlite, whose one connection may be held by a long import, a statement completed in the last 30 s says it is
 * alive and busy, and only an idle or silent engine is asked.
 */
export function probeDatabase(db: Db, timeoutMs = 1000): Promise<Probe> {
  const probe = probes.get(db);
  return probe ? probe(timeoutMs) : timed(() => sql`SELECT 1`.execute(db), timeoutMs);
}

const BUSY_GRACE_MS = 30_000;
const stamps = new WeakMap<Db, WriteStamps>();

/**
 * On the embedded database, the stamp of the last committed write to any of these tables (see WriteStamps): what was
 * read from them while the stamp had a value is still current while it keeps it, so it may be answered from memory
 * while a long import holds the one connection. Null on PostgreSQL, where other connections commit at any time.
 */
export function writeStamp(db: Db, tables: readonly string[]): number | null {
  return stamps.get(db)?.of(tables) ?? null;
}

/** Whether this is the embedded database, whose statements run on this process's own thread (asked of the Db that
 * openDatabase returned: a transaction of it answers false, which may cost a longer pause, never a wrong result). */
export const isEmbedded = (db: Db): boolean => stamps.has(db);

type Listen = (channel: string, listener: ChannelListener) => Promise<() => Promise<void>>;
const listeners = new WeakMap<Db, Listen>();

/**
 * Listens to a NOTIFY channel of the database (a channel name of lower-case letters, digits and _): on PostgreSQL over
 * a connection of its own, re-made by itself when the server restarts, so that every process receives what any
 * process commits; on PGlite in this process. Returns the stop.
 */
export function listenChannel(db: Db, channel: string, listener: ChannelListener): Promise<() => Promise<void>> {
  const listen = listeners.get(db);
  if (!listen) throw new Error('listenChannel: not a database opened by openDatabase');
  if (!/^[a-z0-9_]{1,63}$/.test(channel)) throw new Error(`listenChannel: bad channel name ${channel}`);
  return listen(channel, listener);
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.schema, options.poolSize ?? 10);
  return openPglite(options.pgliteDir ?? 'memory://', options.schema, options.pgliteSnapshot);
}

async function openPostgres(url: string, schema: string | undefined, max: number): Promise<Database> {
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Under a lock: two processes starting at once would both try to create it and collide in the catalogue.
    await admin.query('BEGIN');
    await admin.query(`SELECT pg_advisory_xact_lock(hashtext('tinhso:create-schema'))`);
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await admin.query('COMMIT');
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  // An idle connection the server drops (a restart, an administrator) is an 'error' event: without a listener it
  // would end the process; the pool makes a new connection for the next query.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withCopy(pool) }) });
  await sql`select 1`.execute(db);
  const health = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 10_000 });
  health.on('error', () => undefined); // a dropped idle probe connection is reconnected by the next probe
  probes.set(db, (timeoutMs) => timed(() => health.query('SELECT 1'), timeoutMs));
  const stops = new Set<() => Promise<void>>();
  listeners.set(db, async (channel, listener) => {
    const stop = await listenOverOwnConnection(url, channel, listener);
    stops.add(stop);
    return async () => {
      stops.delete(stop);
      await stop();
    };
  });
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}${schema ? `#${schema}` : ''}`,
    async close() {
      await Promise.all([...stops].map((stop) => stop()));
      await db.destroy();
      await health.end();
    },
  };
}

async function openPglite(dir: string, schema: string | undefined, snapshot: Blob | undefined): Promise<Database> {
  if (!dir.startsWith('memory://')) fs.mkdirSync(path.dirname(dir), { recursive: true });
  const instance = await PGlite.create(dir, {
    loadDataDir: snapshot,
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
      [pgliteTypes.NUMERIC]: (v: string) => Number(v),
    },
  });
  if (schema) {
    await instance.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}"`);
  }
  const pool = createPglitePool(instance);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  stamps.set(db, pool.stamps);
  // One session: what it listens to, it receives on commit of any of its transactions.
  // LISTEN goes through the pool, never between the statements of another holder's transaction (whose rollback
  // would undo it); the engine hands every notification of the session to onNotification.
  listeners.set(db, async (channel, listener) => {
    await sql.raw(`LISTEN ${channel}`).execute(db);
    const off = instance.onNotification((name, payload) => {
      if (name === channel) listener.onPayload(payload);
    });
    return async () => {
      off();
      if (!instance.closed) await sql.raw(`UNLISTEN ${channel}`).execute(db).catch(() => undefined);
    };
  });
  probes.set(db, async (timeoutMs) => {
    const { queued, lastDoneAt } = pool.activity();
    if (queued > 0 && Date.now() - lastDoneAt < BUSY_GRACE_MS) return { state: 'busy', latencyMs: 0 };
    return timed(() => sql`SELECT 1`.execute(db), timeoutMs);
  });
  return {
    db,
    kind: 'pglite',
    location: dir,
    pglite: instance,
    async close() {
      await db.destroy();
      await instance.close();
    },
  };
}

/** Runs `work` in a transaction, joining the caller's when there is one already, so use cases compose. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
