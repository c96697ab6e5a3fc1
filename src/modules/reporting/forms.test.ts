import { describe, expect, it } from 'vitest';
import { ZFormDefinition, canonicalJson, checkReport, outlierHints } from './forms.js';

const form = ZFormDefinition.parse({
  sections: [
    { code: 'A', kind: 'data', titleVi: 'A', titleEn: 'A', items: [
      { element: 'TOTAL', required: true, min: 0 },
      { element: 'PART', required: true, min: 0, max: 1000 },
      { element: 'BY_SEX', coc: 'SEX_F', required: false },
    ] },
    { code: 'NOTE', kind: 'narrative', titleVi: 'Thuyết minh', titleEn: 'Narrative' },
  ],
  rules: [
    { code: 'PART_LE_TOTAL', left: 'PART', op: '<=', right: 'TOTAL', severity: 'error', messageVi: 'Phần không vượt tổng', messageEn: 'Part within total' },
    { code: 'HALF', left: 'PART+BY_SEX.SEX_F', op: '>=', right: 'TOTAL', severity: 'warning', messageVi: 'Thấp bất thường', messageEn: 'Unusually low' },
  ],
});
const codes = (values: Record<string, unknown>, narrative: Record<string, string> = { NOTE: 'x' }) =>
  checkReport(form, values, narrative).map((f) => `${f.severity}:${f.code}:${f.field}`).sort();

describe('report checks', () => {
  it('passes a complete, consistent report', () => {
    expect(codes({ TOTAL: 10, PART: 6, 'BY_SEX.SEX_F': 4 })).toEqual([]);
  });
  it('names every kind of error and warning, each on its field', () => {
    expect(codes({}, {})).toEqual(['error:narrative_required:NOTE', 'error:required:PART', 'error:required:TOTAL']);
    expect(codes({ TOTAL: -1, PART: 2000 })).toEqual(['error:max:PART', 'error:min:TOTAL', 'error:rule:PART_LE_TOTAL']);
    expect(codes({ TOTAL: 'mười', PART: 1, EXTRA: 3 })).toEqual(['error:not_a_number:TOTAL', 'error:unknown_item:EXTRA']);
    expect(codes({ TOTAL: 10, PART: 2, 'BY_SEX.SEX_F': 1 })).toEqual(['warning:rule:HALF']);
    expect(checkReport(form, { TOTAL: 5, PART: 6 }, { NOTE: 'x' })[0]).toMatchObject({ vi: 'Phần không vượt tổng (6 <= 5)', en: 'Part within total (6 <= 5)' });
  });
  it('refuses an item or a section twice', () => {
    const twice = ZFormDefinition.safeParse({ sections: [{ code: 'A', kind: 'data', titleVi: 'A', titleEn: 'A', items: [{ element: 'TOTAL' }, { element: 'TOTAL' }] }, { code: 'A', kind: 'narrative', titleVi: 'B', titleEn: 'B' }] });
    expect(twice.error!.issues.map((i) => i.path.join('.'))).toEqual(['sections.0.items.1', 'sections.1.code']);
  });
  it('refuses a rule over an item the form does not have', () => {
    const bad = ZFormDefinition.safeParse({ sections: [{ code: 'A', kind: 'data', titleVi: 'A', titleEn: 'A', items: [{ element: 'TOTAL' }] }], rules: [{ code: 'R', left: 'NOPE', op: '<', right: 'TOTAL', severity: 'error', messageVi: 'x', messageEn: 'x' }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['rules', 0, 'left']);
  });
  it('hints at outliers against the unit\'s own history, only with three earlier reports or more', () => {
    expect(outlierHints({ TOTAL: 100 }, { TOTAL: [10, 12, 11] }).map((f) => f.field)).toEqual(['TOTAL']);
    expect(outlierHints({ TOTAL: 2 }, { TOTAL: [10, 12, 11] }).map((f) => f.severity)).toEqual(['warning']);
    expect(outlierHints({ TOTAL: 13 }, { TOTAL: [10, 12, 11] })).toEqual([]);
    expect(outlierHints({ TOTAL: 100 }, { TOTAL: [10, 12] })).toEqual([]);
  });
  it('compares forms whatever the order of their keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: 2 } })).toBe(canonicalJson({ a: { c: 2, d: [1, { e: 2, f: 1 }] }, b: 1 }));
  });
});
