import { multipart, percent, queryString, type Part } from './encode.js';
import { valid, type Hint } from './generate.js';
import { HOSTILE_BODIES, hostileText, toJsonText } from './hostile.js';
import { HOSTILE_FILENAMES, HOSTILE_FILES, mutateBody, mutateParams } from './mutate.js';
import type { Operation, RawKind } from './operations.js';
import type { Rng } from './rng.js';

/** One request of the fuzzer, and what was done to it (printed when it fails). */
export interface FuzzCase {
  labels: string[];
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** The well-formed files a case may send or spoil (the fixtures make them). */
export interface Files {
  jpeg: Buffer;
  pdf: Buffer;
  xlsx: Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const asText = (v: unknown) => (typeof v === 'string' ? v : toJsonText(v));

interface Draft {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  body?: unknown;
  kind?: RawKind;
  files: Part[];
  headers: Record<string, string>;
  /** A body written as it stands (a hostile whole body), instead of the one built from `body`. */
  text?: { text: string | Buffer; type?: string };
}

function fileFor(op: Operation, files: Files): Part | null {
  const field = op.raw?.fileField;
  if (!field) return null;
  if (field === 'photos' || field === 'media') return { name: field, value: files.jpeg, filename: 'anh.jpg', type: 'image/jpeg' };
  return op.url.endsWith('/xlsx') ? { name: field, value: files.xlsx, filename: 'bao-cao.xlsx', type: XLSX } : { name: field, value: files.pdf, filename: 'bien-ban.pdf', type: 'application/pdf' };
}

function csvFor(rng: Rng, op: Operation, hint: Hint): string {
  const element = String(rng.pick(hint('element', { type: 'string' }) ?? ['X']));
  if (op.url.startsWith('/api/dataValueSets')) return `dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n${element},202610,31507,,,12\n`;
  return `code,value\n${element},12\n`;
}

/** The well-formed request: every parameter and field from the schema, named things from the fixtures. */
function draft(rng: Rng, op: Operation, hint: Hint, files: Files): Draft {
  const path = Object.fromEntries(op.path.map((p) => [p.name, String(valid(rng, p.schema, hint, p.name))]));
  const query: Draft['query'] = {};
  for (const q of op.query) {
    if (!q.required && !rng.chance(0.4)) continue;
    const v = valid(rng, q.schema, hint, q.name);
    query[q.name] = Array.isArray(v) ? v.map(String) : String(v);
  }
  const d: Draft = { path, query, files: [], headers: {} };
  if (op.body) d.body = valid(rng, op.body, hint);
  else if (op.raw) {
    d.kind = rng.pick(op.raw.kinds);
    if (op.raw.fields) d.body = valid(rng, op.raw.fields, hint);
    const file = fileFor(op, files);
    if (file && (d.kind === 'multipart') && (op.raw.fileField !== 'photos' || rng.chance(0.3))) d.files.push(file);
    if (d.kind === 'csv') d.text = { text: csvFor(rng, op, hint), type: 'text/csv' };
    if (d.kind === 'xlsx') d.text = { text: files.xlsx, type: XLSX };
  }
  return d;
}

/** A hostile multipart form: odd names and file names, files that are not what they claim, too many parts. */
function hostileForm(rng: Rng, d: Draft, op: Operation, files: Files): string {
  const choice = rng.int(0, 4);
  const field = op.raw?.fileField ?? 'file';
  if (choice === 0) {
    const f = rng.pick(HOSTILE_FILES);
    d.files = [{ name: field, value: f.data, filename: f.name, type: f.type }];
    return `file = ${f.label}`;
  }
  if (choice === 1) {
    const name = rng.pick(HOSTILE_FILENAMES);
    d.files = [{ ...(fileFor(op, files) ?? { name: field, value: files.pdf, type: 'application/pdf' }), filename: name }];
    return `file name ${JSON.stringify(name).slice(0, 30)}`;
  }
  if (choice === 2) {
    d.files = Array.from({ length: 12 }, () => ({ name: field, value: files.pdf, filename: 'a.pdf', type: 'application/pdf' }));
    return '12 files';
  }
  if (choice === 3) {
    d.files = [{ name: rng.pick(['other', '', '\u0000', 'photos[]', '__proto__']), value: files.pdf, filename: 'a.pdf', type: 'application/pdf' }];
    return 'file in an unexpected field';
  }
  d.files.push(...Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, value: 'x' })));
  return '60 fields';
}

function mutate(rng: Rng, d: Draft, op: Operation, files: Files): string {
  const kinds = ['query', 'body', 'header', ...(op.path.length ? ['path', 'path'] : []), ...(d.body !== undefined ? ['field', 'field', 'field'] : [])];
  if (d.kind === 'multipart') kinds.push('form', 'form');
  const kind = rng.pick(kinds);
  switch (kind) {
    case 'path':
      return `path ${mutateParams(rng, d.path, op.path)}`;
    case 'query':
      return `query ${mutateParams(rng, d.query, op.query)}`;
    case 'field': {
      const changed = mutateBody(rng, d.body, op.body ?? op.raw?.fields ?? {});
      d.body = changed.body;
      return `body ${changed.label}`;
    }
    case 'form':
      return `form ${hostileForm(rng, d, op, files)}`;
    case 'header': {
      const hostile = hostileText(rng);
      // A broken credential now and then (it must be a 401, never a 500); mostly headers every request may carry.
      const name = rng.pick(['accept-language', 'accept-language', 'accept', 'x-request-id', 'x-forwarded-for', 'user-agent', 'if-none-match', 'authorization', 'cookie']);
      d.headers[name] = name === 'authorization' ? `Bearer tsk_${String(hostile.value)}` : String(hostile.value);
      return `header ${name} = ${hostile.label}`;
    }
    default: {
      const b = rng.pick(HOSTILE_BODIES);
      d.text = { text: b.text, type: b.type ?? 'application/json' };
      return `whole body: ${b.label}`;
    }
  }
}

/** Header values as HTTP carries them: no control characters, no text outside Latin-1. */
const headerSafe = (v: string) => v.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?').slice(0, 8_000);

function serialise(d: Draft, op: Operation): FuzzCase {
  const url = op.url.replace(/:(\w+)/g, (_m, name: string) => (name in d.path ? percent(String(d.path[name])) : ''));
  const qs = queryString(d.query);
  const headers = Object.fromEntries(Object.entries(d.headers).map(([k, v]) => [k, headerSafe(v)]));
  const out: FuzzCase = { labels: [], method: op.method, url: qs ? `${url}?${qs}` : url, headers };
  if (d.text) {
    out.payload = d.text.text;
    if (d.text.type) headers['content-type'] = d.text.type;
  } else if (d.kind === 'multipart') {
    const fields = d.body && typeof d.body === 'object' && !Array.isArray(d.body) ? d.body as Record<string, unknown> : {};
    const parts: Part[] = op.raw?.fileField === 'photos'
      ? [{ name: 'report', value: asText(d.body) }]
      : Object.entries(fields).map(([name, v]) => ({ name, value: asText(v) }));
    const form = multipart([...parts, ...d.files]);
    out.payload = form.body;
    headers['content-type'] = form.type;
  } else if (d.kind === 'form') {
    const fields = d.body && typeof d.body === 'object' && !Array.isArray(d.body) ? d.body as Record<string, unknown> : { body: d.body };
    out.payload = queryString(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, asText(v)])));
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (d.body !== undefined) {
    out.payload = toJsonText(d.body);
    headers['content-type'] = 'application/json';
  }
  return out;
}

/**
 * Case n of a route: case 0 is the well-formed request, the others carry one to three hostile changes (of a path
 * or query parameter, a body field, the whole body, a form, a header).
 */
export function buildCase(rng: Rng, op: Operation, hint: Hint, files: Files, n: number): FuzzCase {
  const d = draft(rng, op, hint, files);
  const labels: string[] = [];
  if (n > 0) {
    const count = rng.chance(0.7) ? 1 : rng.chance(0.6) ? 2 : 3;
    for (let i = 0; i < count; i++) labels.push(mutate(rng, d, op, files));
  } else labels.push('well-formed');
  const c = serialise(d, op);
  c.labels = labels;
  return c;
}
