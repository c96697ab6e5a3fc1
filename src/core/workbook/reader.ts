import { Worker } from 'node:worker_threads';
import { AppError } from '../../server/errors.js';
import { sizeText, type WorkbookLimits } from './limits.js';
import type { FromReader, ReadRequest, WorkbookRow } from './read.js';

/**
 * Workbook uploads are read in worker threads, so that inflating and parsing a sheet never holds the event loop;
 * at most `limits.workers` at once, each with a heap of its own bounded, and a few more waiting their turn. The rows
 * come back in batches, each asked for when the caller has taken the last, so a sheet of a million rows never sits in
 * memory on either side.
 */
export interface OpenedWorkbook {
  /** Every worksheet of the workbook, in its order. */
  sheets: string[];
  /** The sheets whose rows follow (of those asked for, the ones the workbook has). */
  read: string[];
  /** Rows and cells of those sheets, counted before they are parsed. */
  rowCount: number;
  cellCount: number;
  /** Their rows, sheet after sheet; the reader thread ends when they are all taken, or when the loop is left. */
  rows(): AsyncGenerator<WorkbookRow>;
  /** Ends the reader thread if the rows are not going to be taken. */
  close(): void;
}

export interface OpenWorkbookOptions {
  sheets: 'first' | string[];
  columns: number;
  limits: WorkbookLimits;
  /** The request field an error names (the body, a form's file field). */
  field?: string;
}

/** Readers waiting for a thread, per thread allowed: beyond, an upload is told to come back (503). */
const QUEUE_PER_WORKER = 4;
/** A thread left idle this long ends; until then the next upload is read without starting one (and ExcelJS) anew. */
const IDLE_MS = 30_000;

let running = 0;
const queue: (() => void)[] = [];

async function takeTurn(limits: WorkbookLimits, field?: string): Promise<void> {
  if (running < limits.workers) {
    running++;
    return;
  }
  if (queue.length >= limits.workers * QUEUE_PER_WORKER) throw new AppError('workbook_busy', { after: 30 }, field, { headers: { 'retry-after': '30' } });
  await new Promise<void>((resolve) => queue.push(resolve));
}

function giveTurn(): void {
  const next = queue.shift();
  if (next) next(); // the turn passes straight to the next in line
  else running--;
}

/** Readings under way now (tests). */
export const readersRunning = () => running;

interface Reader {
  worker: Worker;
  heapMb: number;
  idleTimer?: NodeJS.Timeout;
}
const idle: Reader[] = [];

/** The heap a reader may use: the shared strings it holds as text, and room to parse. */
const heapMb = (limits: WorkbookLimits) => Math.max(256, Math.ceil((limits.maxUnzippedBytes * 2) / 1024 / 1024) + 128);

function startReader(heap: number): Reader {
  const options = { resourceLimits: { maxOldGenerationSizeMb: heap } };
  const source = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
  let worker: Worker;
  if (!source.pathname.endsWith('.ts')) worker = new Worker(source, options);
  else {
    // Run from source (tsx, vitest): a new thread knows no TypeScript until tsx is registered in it, from a plain
    // module; the thread's flags are left empty so that a parent's loader is not stacked on it.
    const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(source.href)});`;
    worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { ...options, execArgv: [] });
  }
  const reader: Reader = { worker, heapMb: heap };
  worker.on('exit', () => {
    const at = idle.indexOf(reader);
    if (at >= 0) idle.splice(at, 1);
  });
  return reader;
}

function takeReader(limits: WorkbookLimits): Reader {
  const at = idle.findIndex((r) => r.heapMb >= heapMb(limits));
  if (at < 0) return startReader(heapMb(limits));
  const [reader] = idle.splice(at, 1);
  clearTimeout(reader!.idleTimer);
  reader!.worker.ref();
  return reader!;
}

function keepReader(reader: Reader): void {
  // An idle thread does not keep the process alive.
  reader.worker.unref();
  reader.idleTimer = setTimeout(() => void reader.worker.terminate(), IDLE_MS).unref();
  idle.push(reader);
}

/**
 * Opens a workbook upload in a reader thread: resolves once its parts are judged and its sheets counted, or throws
 * the refusal (400 not a workbook or no worksheet, 413 over a limit, 503 too many at once).
 */
export async function openWorkbook(data: Buffer, options: OpenWorkbookOptions): Promise<OpenedWorkbook> {
  const { limits, field } = options;
  await takeTurn(limits, field);
  let reader: Reader;
  try {
    reader = takeReader(limits);
  } catch (err) {
    giveTurn();
    throw err;
  }
  const { worker } = reader;
  // A copy the thread owns: the upload's buffer may be a slice of a larger one.
  const request: ReadRequest = { data: new Uint8Array(data), sheets: options.sheets, columns: options.columns, limits };

  const batches: WorkbookRow[][] = [];
  let finished = false;
  let released = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };

  return new Promise<OpenedWorkbook>((resolve, reject) => {
    /** The reading is over: its thread goes back to wait for the next, or ends if it was cut off mid-way. */
    const release = (reuse: boolean) => {
      if (released) return;
      released = true;
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      giveTurn();
      if (reuse) keepReader(reader);
      else void worker.terminate();
    };
    const fail = (err: Error, reuse: boolean) => {
      failure ??= err;
      reject(failure);
      release(reuse);
      signal();
    };
    const close = () => {
      if (!finished) fail(new AppError('workbook_unreadable', {}, field), false);
    };
    function onMessage(message: FromReader) {
      if (message.type === 'ready') {
        resolve({ sheets: message.sheets, read: message.read, rowCount: message.rows, cellCount: message.cells, rows, close });
      } else if (message.type === 'rows') batches.push(message.rows);
      else if (message.type === 'done') {
        finished = true;
        release(true);
      } else fail(new AppError(message.code, message.params, field), true);
      signal();
    }
    function onError(err: Error & { code?: string }) {
      // A reader that outgrows its heap is stopped by V8 alone, the server thread untouched.
      fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('workbook_too_large', { limit: sizeText(limits.maxUnzippedBytes) }, field) : err, false);
    }
    function onExit() {
      fail(new AppError('workbook_unreadable', {}, field), false);
    }
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'read', request }, [request.data.buffer as ArrayBuffer]);

    async function* rows(): AsyncGenerator<WorkbookRow> {
      try {
        // Two batches in flight: the next is parsed while this one is taken.
        if (!released) {
          worker.postMessage({ type: 'more' });
          worker.postMessage({ type: 'more' });
        }
        for (;;) {
          const batch = batches.shift();
          if (batch) {
            if (!released) worker.postMessage({ type: 'more' });
            yield* batch;
          } else if (failure) throw failure;
          else if (finished) return;
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        close();
      }
    }
  });
}
