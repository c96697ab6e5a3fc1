import { inTransaction, type Db } from '../../db/database.js';
import type { Reading } from './payload.js';
import { insertReadings, touchDevices, type Row } from './telemetry-repo.js';

interface Pending { deviceId: number; readings: Reading[]; done: (err: Error | null) => void }

/**
 * Gathers the readings of many messages and stores them together, in one transaction per batch: a message is
 * answered (its MQTT PUBACK, its HTTP 200) only once its batch has committed. A batch is written when it holds
 * `maxRows` readings or `lingerMs` after its first, and `concurrency` batches may be in flight (1 on the embedded
 * database, whose one connection serialises them anyway).
 */
export class TelemetryWriter {
  private queue: Pending[] = [];
  private queued = 0;
  private bad = new Map<number, { count: number; reason: string; at: Date }>();
  private touched = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private closed = false;
  stored = 0;
  received = 0;

  constructor(private readonly db: Db, private readonly options: { maxRows?: number; lingerMs?: number; concurrency?: number; now?: () => Date } = {}) {}

  private get maxRows() { return this.options.maxRows ?? 5000; }

  /** Stores a device's readings; resolves once they are committed. */
  write(deviceId: number, readings: Reading[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('telemetry writer closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ deviceId, readings, done: (err) => (err ? reject(err) : resolve()) });
      this.queued += readings.length;
      this.received += readings.length;
      this.schedule();
    });
  }

  /** Marks a device seen with the next batch, though it sent no reading of its own (a gateway speaking for others). */
  touch(deviceId: number): void {
    this.touched.add(deviceId);
    this.schedule();
  }

  /** Counts a refused message against its device, written with the next batch. */
  refuse(deviceId: number, reason: string): void {
    const now = this.options.now?.() ?? new Date();
    const entry = this.bad.get(deviceId) ?? { count: 0, reason, at: now };
    this.bad.set(deviceId, { count: entry.count + 1, reason, at: now });
    this.schedule();
  }

  private schedule(): void {
    if (this.queued >= this.maxRows) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.options.lingerMs ?? 5);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight >= (this.options.concurrency ?? 1)) return;
    if (!this.queue.length && !this.bad.size && !this.touched.size) return;
    const batch: Pending[] = [];
    let rows = 0;
    while (this.queue.length && (rows === 0 || rows + this.queue[0]!.readings.length <= this.maxRows)) {
      const next = this.queue.shift()!;
      rows += next.readings.length;
      batch.push(next);
    }
    this.queued -= rows;
    const bad = this.bad;
    const touched = this.touched;
    this.bad = new Map();
    this.touched = new Set();
    this.inFlight += 1;
    void this.commit(batch, bad, touched).finally(() => {
      this.inFlight -= 1;
      if (this.queue.length || this.bad.size || this.touched.size) this.schedule();
      if (this.queued >= this.maxRows) this.flush();
      for (const waiter of this.drained.splice(0)) if (!this.inFlight && !this.queue.length) waiter();
    });
  }

  private async commit(batch: Pending[], bad: Map<number, { count: number; reason: string; at: Date }>, touched: Set<number>): Promise<void> {
    const now = this.options.now?.() ?? new Date();
    const rows: Row[] = batch.flatMap((p) => p.readings.map((r) => ({ deviceId: p.deviceId, ...r })));
    const seen = new Map<number, { at: Date; battery: number | null }>([...touched].map((id) => [id, { at: now, battery: null }]));
    for (const r of rows) seen.set(r.deviceId, { at: now, battery: r.key === 'battery' ? r.value : (seen.get(r.deviceId)?.battery ?? null) });
    try {
      const stored = await inTransaction(this.db, async (trx) => {
        const n = await insertReadings(trx, rows);
        await touchDevices(trx, seen, bad);
        return n;
      });
      this.stored += stored;
      for (const p of batch) p.done(null);
    } catch (err) {
      // Nothing of the batch was stored: every sender is told, and resends (QoS 1 keeps the message).
      for (const p of batch) p.done(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private drained: (() => void)[] = [];

  /** Writes what is queued and waits for it; further writes are refused. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.queue.length || this.bad.size || this.touched.size) this.flush();
    if (!this.inFlight && !this.queue.length) return;
    await new Promise<void>((resolve) => this.drained.push(resolve));
  }
}
