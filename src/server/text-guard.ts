import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * Characters no text of the platform may hold: NUL (PostgreSQL cannot store it) and a lone UTF-16 surrogate (JSON
 * lets one through; it is no character and cannot be encoded). Refused for every route at once, before any schema
 * or handler sees the request, naming the field, so a caller's bad bytes never reach the database as a 500.
 */
const FORBIDDEN = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 64;

/** The path of the first string (key or value) holding a forbidden character, or null. */
export function forbiddenTextAt(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? path.join('.') || '(body)' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenTextAt(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  // A stream (a CSV upload) or a buffer (a workbook) is checked by its own reader, row by row.
  if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function' || value instanceof Date) return null;
  for (const [key, v] of Object.entries(value)) {
    if (FORBIDDEN.test(key)) return [...path, key.replace(FORBIDDEN, '?')].join('.');
    const found = forbiddenTextAt(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['params', request.params], ['querystring', request.query], ['', request.body]] as const) {
      const at = forbiddenTextAt(value);
      if (at) {
        const field = part ? `${part}.${at}` : at;
        throw new AppError('invalid_characters', { field }, field);
      }
    }
  });
}
