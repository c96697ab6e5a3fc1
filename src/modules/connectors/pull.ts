import { parse } from 'csv-parse/sync';
import { sha256 } from '../../core/auth/index.js';
import type { ErrorCode, MessageParams } from '../../server/error-codes/index.js';

// One pull from another system: a conditional GET with a timeout and a bounded retry, then the records read as JSON
// or CSV. A failure is a PullFailure naming its error code, so the run records it in both languages.

const MAX_BYTES = 20 * 1024 * 1024;
const BACKOFF_MS = 250;

export interface PullRequest {
  url: string;
  format: 'json' | 'csv';
  jsonPath: string;
  headers: Record<string, string>;
  timeoutSeconds: number;
  retries: number;
  /** What the source answered last time: sent back as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
}

export type PullResult =
  | { kind: 'not_modified'; httpStatus: number; attempts: number }
  | { kind: 'content'; httpStatus: number; attempts: number; etag: string | null; lastModified: string | null; hash: string; records: unknown[] };

export class PullFailure extends Error {
  constructor(readonly code: ErrorCode, readonly params: MessageParams, readonly attempts: number, readonly httpStatus: number | null = null) {
    super(code);
  }
}

const retryable = (status: number) => status >= 500 || status === 429 || status === 408;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(response: Response, attempts: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) throw new PullFailure('connector_too_large', { max: MAX_BYTES / 1048576 }, attempts, response.status);
  const text = await response.text();
  if (Buffer.byteLength(text) > MAX_BYTES) throw new PullFailure('connector_too_large', { max: MAX_BYTES / 1048576 }, attempts, response.status);
  return text;
}

/** The records of a document: an array, or the array at a dotted path. */
export function recordsOf(text: string, format: 'json' | 'csv', jsonPath: string, attempts = 1): unknown[] {
  if (format === 'csv') {
    try {
      return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[];
    } catch (err) {
      throw new PullFailure('connector_parse_failed', { format: 'CSV', reason: (err as Error).message.slice(0, 200) }, attempts);
    }
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new PullFailure('connector_parse_failed', { format: 'JSON', reason: (err as Error).message.slice(0, 200) }, attempts);
  }
  for (const key of jsonPath ? jsonPath.split('.') : []) {
    doc = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>)[key] : undefined;
  }
  if (!Array.isArray(doc)) throw new PullFailure('connector_not_array', { path: jsonPath || '$' }, attempts);
  return doc;
}

/** Pulls once, retrying a network failure, a timeout or a 5xx with a growing pause, at most `retries` more times. */
export async function pull(request: PullRequest): Promise<PullResult> {
  const headers: Record<string, string> = { accept: request.format === 'json' ? 'application/json' : 'text/csv', ...request.headers };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  let failure: PullFailure | undefined;
  for (let attempt = 1; attempt <= request.retries + 1; attempt++) {
    if (attempt > 1) await sleep(BACKOFF_MS * 2 ** (attempt - 2));
    let response: Response;
    try {
      response = await fetch(request.url, { headers, redirect: 'follow', signal: AbortSignal.timeout(request.timeoutSeconds * 1000) });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      const cause = ((err as Error & { cause?: { code?: string; message?: string } }).cause?.code ?? (err as Error).message).slice(0, 120);
      failure = timedOut ? new PullFailure('connector_timeout', { seconds: request.timeoutSeconds }, attempt) : new PullFailure('connector_unreachable', { reason: cause }, attempt);
      continue;
    }
    if (response.status === 304) return { kind: 'not_modified', httpStatus: 304, attempts: attempt };
    if (!response.ok) {
      await response.body?.cancel();
      failure = new PullFailure('connector_http_status', { httpStatus: response.status }, attempt, response.status);
      if (retryable(response.status)) continue;
      throw failure;
    }
    let text: string;
    try {
      text = await readBody(response, attempt);
    } catch (err) {
      if (err instanceof PullFailure) throw err;
      failure = new PullFailure('connector_timeout', { seconds: request.timeoutSeconds }, attempt, response.status);
      continue;
    }
    return {
      kind: 'content', httpStatus: response.status, attempts: attempt, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'),
      hash: sha256(text), records: recordsOf(text, request.format, request.jsonPath, attempt),
    };
  }
  throw failure!;
}
