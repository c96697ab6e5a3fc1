import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { notFound } from '../../../server/errors.js';
import { type Actor, actorName } from '../../access/index.js';
import { importValueRows, type ImportOptions } from './bulk-import.js';
import type { DataValueDto, ImportSummary } from './formats.js';
import { maySeeImportJob } from './policy.js';

interface Live {
  bytesRead: number;
  rowsRead: number;
  done: Promise<void>;
  /** The job as it was started: its progress is answered from here, without waiting for the database it keeps busy. */
  started: { format: string; dryRun: boolean; atomicMode: 'ALL' | 'NONE'; createdBy: string; createdAt: Date; bytesTotal: number | null; rowsTotal: number | null };
}

/** Progress of the imports this process runs; the database row holds their outcome for every process. */
const live = new Map<string, Live>();

/** Counts the bytes that pass, so an upload's progress can be told against its Content-Length. */
export function countBytes(input: Readable, onBytes: (n: number) => void): Readable {
  let n = 0;
  return input.pipe(new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      onBytes(n);
      done(null, chunk);
    },
  }));
}

/**
 * Starts an import in the background and returns its id at once. The rows may be a stream (a CSV upload being
 * read) or an array; `open` receives a callback for bytes read, for streams that can report it.
 */
export async function startImportJob(
  db: Db,
  actor: Actor,
  input: {
    format: string; bytesTotal: number | null; rowsTotal: number | null; rows: (onBytes: (n: number) => void) => AsyncIterable<DataValueDto> | DataValueDto[];
    /** The upload spooled to a file, removed by whichever process finds the job orphaned. */
    spoolFile?: string | null;
  },
  options: Omit<ImportOptions, 'onProgress'>,
): Promise<string> {
  const job = await db
    .insertInto('import_job')
    .values({
      created_by: actorName(actor), status: 'running', format: input.format, dry_run: options.dryRun, atomic_mode: options.atomicMode,
      bytes_total: input.bytesTotal, rows_total: input.rowsTotal, spool_file: input.spoolFile ?? null,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  const state: Live = {
    bytesRead: 0, rowsRead: 0, done: Promise.resolve(),
    started: {
      format: input.format, dryRun: options.dryRun, atomicMode: options.atomicMode, createdBy: actorName(actor), createdAt: job.created_at,
      bytesTotal: input.bytesTotal, rowsTotal: input.rowsTotal,
    },
  };
  live.set(job.id, state);
  // The lease: while this process works on the job it says so; a job whose heartbeat lapses was orphaned by a crash.
  const heartbeat = setInterval(() => {
    void sql`UPDATE import_job SET heartbeat_at = now() WHERE id = ${job.id}`.execute(db).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  state.done = (async () => {
    try {
      const rows = input.rows((n) => (state.bytesRead = n));
      const summary = await importValueRows(db, actor, rows, { ...options, onProgress: (n) => (state.rowsRead = n) });
      await db.updateTable('import_job').set({
        status: 'done', summary: JSON.stringify(summary), rows_read: state.rowsRead, bytes_read: state.bytesRead, finished_at: new Date(),
      }).where('id', '=', job.id).execute();
    } catch (err) {
      await db.updateTable('import_job').set({
        status: 'failed', error: err instanceof Error ? err.message : String(err), rows_read: state.rowsRead, bytes_read: state.bytesRead, finished_at: new Date(),
      }).where('id', '=', job.id).execute();
    } finally {
      clearInterval(heartbeat);
      live.delete(job.id);
    }
  })();
  return job.id;
}

/** A job as its creator (or an administrator) sees it: live from memory when this process runs it, else its row. */
export async function getImportJob(db: Db, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('id');
  const running = live.get(id);
  const asker = { kind: actor.kind, role: actor.kind === 'user' ? actor.role : undefined, name: actorName(actor) };
  // A job this process runs is answered from memory: on the embedded database the import holds the one connection.
  if (running) {
    if (!maySeeImportJob(asker, running.started.createdBy)) throw notFound('id');
    return liveView(id, running);
  }
  const row = await db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('id');
  if (!maySeeImportJob(asker, row.created_by)) throw notFound('id');
  const bytesRead = row.bytes_read;
  return {
    id: row.id, status: row.status, format: row.format, dryRun: row.dry_run, atomicMode: row.atomic_mode, createdBy: row.created_by,
    createdAt: row.created_at, finishedAt: row.finished_at, bytesTotal: row.bytes_total, bytesRead, rowsRead: row.rows_read,
    rowsTotal: row.rows_total,
    percent: row.status !== 'running' ? 100
      : row.bytes_total ? Math.min(99, Math.floor((bytesRead / row.bytes_total) * 100))
        : row.rows_total ? Math.min(99, Math.floor((row.rows_read / row.rows_total) * 100)) : null,
    summary: row.summary as ImportSummary | null, error: row.error,
  };
}

function liveView(id: string, { started, bytesRead, rowsRead }: Live) {
  const share = started.bytesTotal ? bytesRead / started.bytesTotal : started.rowsTotal ? rowsRead / started.rowsTotal : null;
  return {
    id, status: 'running' as const, ...started, finishedAt: null, bytesRead, rowsRead,
    percent: share === null ? null : Math.min(99, Math.floor(share * 100)), summary: null, error: null,
  };
}

/** Waits for the imports this process is running (graceful shutdown; tests). */
export async function settleImports(): Promise<void> {
  await Promise.all([...live.values()].map((l) => l.done));
}

const HEARTBEAT_MS = 15_000;
/** A job not heard of for this long belongs to a process that is gone (four missed heartbeats). */
export const LEASE_SECONDS = 60;

/**
 * Marks failed, with the reason, every import whose process stopped renewing its lease (killed, crashed), and removes
 * its spooled upload. Run at every start and by the scheduler, so with several processes a survivor clears what a
 * dead one left; a job whose process is alive keeps renewing and is never touched. Database time on both sides.
 */
export async function failOrphanedImports(db: Db, options: { leaseSeconds?: number } = {}): Promise<number> {
  const orphans = (await sql<{ id: string; spool_file: string | null }>`
    UPDATE import_job SET status = 'failed', finished_at = now(),
      error = 'interrupted: the process running the import stopped; nothing of it was kept, send the file again'
    WHERE status = 'running' AND heartbeat_at <= now() - make_interval(secs => ${options.leaseSeconds ?? LEASE_SECONDS})
    RETURNING id, spool_file`.execute(db)).rows;
  for (const o of orphans) if (o.spool_file) fs.rmSync(o.spool_file, { force: true });
  return orphans.length;
}
