import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { problemsOf } from './checks.js';
import type { Operation } from './operations.js';

const op = (access: Operation['access'], url = '/api/things/:id'): Operation => ({ key: `GET ${url}`, method: 'GET', url, access, path: [], query: [] });
const answer = (statusCode: number, body: unknown, type = 'application/json'): LightMyRequestResponse => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { statusCode, headers: { 'content-type': type }, body: text, rawPayload: Buffer.from(text), json: () => JSON.parse(text) } as unknown as LightMyRequestResponse;
};
const refusal = { error: { code: 'forbidden', message: 'x', messages: { vi: 'x', en: 'y' } } };

// The fuzzer is only as good as what it notices: each detector, on an answer made for it.
describe("the fuzzer's checks", () => {
  it('pass a clean refusal and a clean success', () => {
    expect(problemsOf(answer(403, refusal), op({ roles: ['admin'] }), 'officer')).toEqual([]);
    expect(problemsOf(answer(200, { ok: true }), op({ roles: ['officer'] }), 'officer')).toEqual([]);
  });

  it('notice a 5xx, a stack trace and internal error text', () => {
    expect(problemsOf(answer(500, refusal), op({ public: true }), 'anonymous')).toEqual(['status 500']);
    const stack = 'TypeError: x\n    at handler (/work/main/src/core/x.ts:12:5)';
    expect(problemsOf(answer(400, stack, 'text/plain'), op({ public: true }, '/open311/x'), 'anonymous')).toEqual([
      'a stack trace in the body', 'internal error text in the body: "TypeError"',
    ]);
    expect(problemsOf(answer(400, { error: { ...refusal.error, message: 'invalid input syntax for type integer' } }), op({ public: true }), 'admin'))
      .toEqual(['internal error text in the body: "invalid input syntax for"']);
  });

  it('notice a success for a caller the access refuses, and an error body outside the contract', () => {
    expect(problemsOf(answer(200, {}), op({ roles: ['admin'] }), 'anonymous')).toEqual(["200 for a caller the route's access refuses"]);
    expect(problemsOf(answer(204, ''), op({ roles: ['admin', 'leader'] }), 'officer')).toEqual(["204 for a caller the route's access refuses"]);
    expect(problemsOf(answer(400, { error: 'Bad Request', code: 'FST_ERR_BAD_URL' }), op({ public: true }), 'anonymous')).toEqual(['a 400 without the error body']);
  });
});
