import type { Access, Actor } from '../../core/access/index.js';
import { ENDED_STATES, type CaseState } from '../../core/cases/index.js';
import { Open311Error } from './format.js';

/**
 * Who may do what through Open311: anyone reads (requests carry no personal data), and a partner system posts with
 * an API token of scope open311 in the request's api_key (checked by the use case, as Open311 puts it in the body).
 */
export const OPEN311_POLICY = {
  read: { public: true },
  post: { public: true },
} as const satisfies Record<string, Access>;

export const OPEN311_SCOPE = 'open311';

export function assertMayPost(token: Extract<Actor, { kind: 'token' }> | null): asserts token is Extract<Actor, { kind: 'token' }> {
  if (!token || !token.scopes.includes(OPEN311_SCOPE)) throw new Open311Error(403, 'api_key is missing or not valid for Open311');
}

/** Open311 knows two states: a request is closed once the case has ended, open before. */
export const open311Status = (state: CaseState) => (ENDED_STATES.includes(state) ? 'closed' : 'open');

const DAY_MS = 86_400_000;

/** The window of a request list: W3C dates, 90 days before the end by default, at most 90 days long. */
export function requestWindow(query: { start_date?: string; end_date?: string }, now: Date, defaultDays: number, maxDays?: number): { from: Date; to: Date } {
  const to = query.end_date ? new Date(query.end_date) : now;
  const from = query.start_date ? new Date(query.start_date) : new Date(to.getTime() - defaultDays * DAY_MS);
  const plausible = (d: Date) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999;
  if (!plausible(from) || !plausible(to)) throw new Open311Error(400, 'start_date and end_date must be W3C dates between the years 1900 and 9999');
  if (maxDays !== undefined && to.getTime() - from.getTime() > maxDays * DAY_MS) throw new Open311Error(400, `start_date and end_date may be at most ${maxDays} days apart`);
  return { from, to };
}

/** Page and page_size as Open311 servers take them: at most 1,000 a page, bad numbers read as the default. */
export function pageOf(query: { page?: string; page_size?: string }): { page: number; pageSize: number } {
  const whole = (text: string | undefined, fallback: number, max: number) => {
    const n = Number(text ?? fallback);
    return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
  };
  return { pageSize: whole(query.page_size, 1000, 1000), page: whole(query.page, 1, 1_000_000) };
}

/** Open311 parameters are single values: one given twice (`?service_code=A&service_code=B`) is refused, not guessed. */
export function singleValues(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value)) throw new Open311Error(400, `${key} is given more than once: give one value (a list is comma-separated)`);
    out[key] = String(value);
  }
  return out;
}
