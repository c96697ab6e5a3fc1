import { describe, expect, it } from 'vitest';
import { cbv, classifyTerm, expandTerm } from './vocabulary.js';

describe('CBV 2.0 vocabularies', () => {
  it("holds the standard's lists", () => {
    const v = cbv().vocabularies;
    expect(v.bizStep.terms).toHaveLength(41);
    expect(v.disposition.terms).toHaveLength(33);
    expect(v.bizTransactionType.terms).toHaveLength(13);
    expect(v.sourceDestinationType.terms).toEqual(['location', 'owning_party', 'possessing_party']);
    expect(v.measurementType.terms).toContain('Temperature');
    expect(v.bizStep.terms).not.toContain('harvesting');
  });

  it('tells a standard term in any of its forms', () => {
    const receiving = { kind: 'standard', term: 'receiving', uri: 'https://ref.gs1.org/cbv/BizStep-receiving' };
    expect(classifyTerm('bizStep', 'receiving')).toEqual(receiving);
    expect(classifyTerm('bizStep', 'https://ref.gs1.org/cbv/BizStep-receiving')).toEqual(receiving);
    expect(classifyTerm('bizStep', 'urn:epcglobal:cbv:bizstep:receiving')).toEqual(receiving);
    expect(classifyTerm('disposition', 'in_transit')).toMatchObject({ kind: 'standard', uri: 'https://ref.gs1.org/cbv/Disp-in_transit' });
    expect(classifyTerm('measurementType', 'Temperature')).toMatchObject({ uri: 'https://gs1.org/voc/Temperature' });
  });

  it('tells an extension from an unknown value', () => {
    expect(classifyTerm('bizStep', 'https://tinhso.vn/voc/BizStep-sowing')).toEqual({ kind: 'extension', uri: 'https://tinhso.vn/voc/BizStep-sowing' });
    expect(classifyTerm('bizStep', 'tinhso:BizStep-sowing').kind).toBe('extension');
    expect(classifyTerm('bizStep', 'sowing')).toEqual({ kind: 'unknown' });
    // A term GS1's namespace does not define is a typo, not somebody's extension.
    expect(classifyTerm('bizStep', 'https://ref.gs1.org/cbv/BizStep-sowing')).toEqual({ kind: 'unknown' });
    expect(classifyTerm('bizStep', 'Receiving')).toEqual({ kind: 'unknown' });
  });

  it('expands standard terms only', () => {
    expect(expandTerm('bizTransactionType', 'po')).toBe('https://ref.gs1.org/cbv/BTT-po');
    expect(expandTerm('bizStep', 'sowing')).toBe('sowing');
  });
});
