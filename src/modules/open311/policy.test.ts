import { describe, expect, it } from 'vitest';
import { assertMayPost, open311Status, pageOf, requestWindow } from './policy.js';

const token = (scopes: string[]) => ({ kind: 'token' as const, id: 1, name: 'đối tác', scopes, orgUnitId: null });

describe('Open311 policy', () => {
  it('lets a token of scope open311 post, and nothing else', () => {
    expect(() => assertMayPost(token(['open311']))).not.toThrow();
    expect(() => assertMayPost(token(['read']))).toThrow('api_key');
    expect(() => assertMayPost(null)).toThrow('api_key');
  });

  it('calls a request closed once its case has ended', () => {
    expect(open311Status('in_progress')).toBe('open');
    expect(open311Status('answered')).toBe('open');
    expect(open311Status('merged')).toBe('closed');
  });

  it('takes a window of at most 90 days and pages of at most 1,000', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(requestWindow({}, now, 90, 90)).toEqual({ from: new Date('2026-03-03T00:00:00Z'), to: now });
    expect(() => requestWindow({ start_date: '2026-01-01T00:00:00Z' }, now, 90, 90)).toThrow('90 days');
    expect(() => requestWindow({ end_date: 'tomorrow' }, now, 1)).toThrow('W3C');
    expect(pageOf({ page: '2', page_size: '5000' })).toEqual({ page: 2, pageSize: 1000 });
    expect(pageOf({ page: 'x', page_size: '0' })).toEqual({ page: 1, pageSize: 1000 });
    expect(pageOf({ page: '1e309', page_size: '2.5' })).toEqual({ page: 1, pageSize: 1000 });
  });
});
