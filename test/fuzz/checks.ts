import type { LightMyRequestResponse } from 'fastify';
import type { Operation } from './operations.js';

/** Who sends the cases: nobody, the officer of another ward, the administrator (whose writes are its right). */
export type Pass = 'anonymous' | 'officer' | 'admin';

/** A stack frame as V8 prints one: "at fn (/path/file.ts:12:5)", "at node:internal/…", "at file:///…". */
const STACK = /\bat (?:async )?[^\s()]*\s?\(?(?:file:\/\/|\/[\w.-]+\/|node:)[^\s)]*:\d+(?::\d+)?\)?|\n\s+at\s/;
/** What the database or the runtime says when a fault escapes: the caller must never read it. */
const INTERNALS = new RegExp([
  'syntax error at or near', 'violates (?:not-null|foreign key|unique|check) constraint', 'invalid input syntax for', 'out of range for type',
  'relation "[^"]+" does not exist', 'column "[^"]+" does not exist', 'invalid byte sequence', 'ZodError', 'TypeError', 'RangeError',
  'ReferenceError', 'Cannot read properties of', 'is not a function', 'Maximum call stack', 'node_modules',
].join('|'));

const textual = (res: LightMyRequestResponse) => /json|text|xml|csv|html/.test(String(res.headers['content-type'] ?? 'text/plain'));

/** Whether the route's declared access refuses this caller outright (then it must never answer a success). */
export function refuses(op: Operation, pass: Pass): boolean {
  if ('public' in op.access && op.access.public) return false;
  if (pass === 'anonymous') return true;
  if (pass === 'admin') return false;
  const roles = 'roles' in op.access ? op.access.roles : undefined;
  return roles !== undefined && !roles.includes('officer');
}

/** The platform's one error body: a code and the message in both languages (Open311 answers its own format). */
function inContract(res: LightMyRequestResponse): boolean {
  try {
    const e = (res.json() as { error?: { code?: unknown; messages?: { vi?: unknown; en?: unknown } } }).error;
    return typeof e?.code === 'string' && typeof e.messages?.vi === 'string' && typeof e.messages.en === 'string';
  } catch {
    return false;
  }
}

/** What is wrong with an answer: a 5xx, a stack or an internal error in the body, a success for a refused caller. */
export function problemsOf(res: LightMyRequestResponse, op: Operation, pass: Pass): string[] {
  const out: string[] = [];
  if (res.statusCode >= 500) out.push(`status ${res.statusCode}`);
  if (textual(res)) {
    const body = res.body.slice(0, 200_000);
    if (STACK.test(body)) out.push('a stack trace in the body');
    const internal = INTERNALS.exec(body);
    if (internal) out.push(`internal error text in the body: "${internal[0]}"`);
  }
  if (refuses(op, pass) && res.statusCode < 400) out.push(`${res.statusCode} for a caller the route's access refuses`);
  if (op.url.startsWith('/api/') && res.statusCode >= 400 && !inContract(res)) out.push(`a ${res.statusCode} without the error body`);
  return out;
}

export const excerpt = (res: LightMyRequestResponse) => (textual(res) ? res.body.slice(0, 300) : `(${res.headers['content-type']}, ${res.rawPayload.length} bytes)`);
