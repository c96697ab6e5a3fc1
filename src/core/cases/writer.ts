import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { caseWritten } from './changes.js';

/** The case a document names: written by this call (created), or already received under its client_ref. */
export interface WrittenCase { id: number; created: boolean }

interface Pending {
  doc: unknown;
  resolve(written: WrittenCase | null): void;
  reject(err: unknown): void;
}

// case_open answers a case already received under the document's client_ref with its id negated (migration 0025).
const written = (id: number | string | undefined): WrittenCase => {
  const n = Number(id);
  if (!Number.isFinite(n) || n === 0) throw new Error(`case_open answered ${String(id)}`);
  return { id: Math.abs(n), created: n > 0 };
};

const callOpen = async (db: Db, docs: unknown[], version: string) =>
  (await sql<{ ids: (number | string)[] | null }>`SELECT case_open(${JSON.stringify(docs)}::jsonb, ${version}::bigint) AS ids`.execute(db)).rows[0]?.ids ?? null;

/**
 * Writes received cases through case_open (migration 0011). Cases that arrive while a write is in flight wait for
 * it and then go together in the next call: one round trip and one commit for all of them, and no added delay when
 * cases come one at a time. Each batch is all or nothing; when it fails, its cases are written one by one, so that
 * only the case at fault gets the error.
 */
class CaseWriter {
  private readonly queues = new Map<string, Pending[]>();
  private busy = false;

  constructor(private readonly db: Db, private readonly maxBatch = 64) {}

  /** The case written (or named by the client_ref), or null when the reference is no longer at `version`. */
  open(doc: unknown, version: string): Promise<WrittenCase | null> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(version) ?? [];
      queue.push({ doc, resolve, reject });
      this.queues.set(version, queue);
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      for (let next = this.queues.entries().next(); !next.done; next = this.queues.entries().next()) {
        const [version, queue] = next.value;
        const batch = queue.splice(0, this.maxBatch);
        if (!queue.length) this.queues.delete(version);
        await this.write(batch, version);
      }
    } finally {
      this.busy = false;
    }
  }

  private async write(batch: Pending[], version: string): Promise<void> {
    try {
      const ids = await callOpen(this.db, batch.map((p) => p.doc), version);
      batch.forEach((p, i) => p.resolve(ids ? written(ids[i]) : null));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      for (const p of batch) await this.write([p], version);
    }
  }
}

const writers = new WeakMap<Db, CaseWriter>();

/**
 * Writes one received case: batched with others arriving at the same time, or directly inside the caller's
 * transaction (which must see its own case at once).
 */
export async function writeOpenedCase(db: Db, doc: unknown, version: string): Promise<WrittenCase | null> {
  if (db.isTransaction) {
    caseWritten(); // before the caller commits: listeners wait a moment
    const ids = await callOpen(db, [doc], version);
    return ids ? written(ids[0]) : null;
  }
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new CaseWriter(db)));
  const result = await writer.open(doc, version);
  caseWritten(); // committed: case_open is its own statement
  return result;
}
