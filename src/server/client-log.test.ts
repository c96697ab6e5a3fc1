import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { clientErrorLog } from './client-log.js';

describe('client errors in the log', () => {
  it('logs the first twenty of a flood without a stack, then one line with how many were left out', () => {
    const lines: { fields: Record<string, unknown>; message: string }[] = [];
    const log = { info: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }) } as unknown as FastifyBaseLogger;
    const start = 1_000_000_000;
    const logClientError = clientErrorLog();
    for (let i = 0; i < 500; i++) logClientError(log, { status: 429 }, 'open311 rate limit', start + i);
    expect(lines).toHaveLength(20);
    expect(lines.every((l) => !('err' in l.fields) && !('stack' in l.fields))).toBe(true);
    logClientError(log, { status: 400 }, 'client error', start + 10_000);
    expect(lines.slice(20)).toEqual([
      { fields: { suppressed: 480, windowSeconds: 10 }, message: 'client errors not logged' },
      { fields: { status: 400 }, message: 'client error' },
    ]);
  });
});
