import { describe, expect, it } from 'vitest';
import { checkDigit, completeKey, glnFault, gtin14, gtinFault, isVietnamese, ssccFault } from './keys.js';
import { DigitalLinkError, digitalLinkUri, gs1Date, parseDigitalLink, type LinkFault } from './digital-link.js';

const faultOf = (uri: string): LinkFault | null => {
  try {
    parseDigitalLink(uri);
    return null;
  } catch (err) {
    if (err instanceof DigitalLinkError) return err.fault;
    throw err;
  }
};

describe('GS1 keys and their check digits', () => {
  it("accepts GS1's own examples and a Vietnamese GTIN-13, and names what is wrong with the others", () => {
    expect(checkDigit('0950600013435')).toBe(2);
    expect(gtinFault('09506000134352')).toBeNull();
    expect(gtinFault('4006381333931')).toBeNull(); // an EAN-13 on a shelf
    expect(gtinFault('8938505974194')).toBeNull();
    expect(isVietnamese('8938505974194')).toBe(true);
    expect(gtinFault('09506000134353')).toBe('check_digit');
    expect(gtinFault('950600013435')).toBe('check_digit');
    expect(gtinFault('0950600013435A')).toBe('digits');
    expect(gtinFault('123456789')).toBe('length');
    expect(gtin14('4006381333931')).toBe('04006381333931');
    expect(glnFault(completeKey('893850597000'))).toBeNull();
    expect(ssccFault(completeKey('08938505970000001'))).toBeNull();
    expect(ssccFault('089385059700000010')).not.toBeNull();
  });
});

describe('GS1 Digital Link URIs', () => {
  it('reads the key, its qualifiers in order and the data attributes, whatever the host and path before the key', () => {
    const link = parseDigitalLink('https://truyxuat.soctrang.example/dl/01/8938505974194/10/LUA%2F2026-01/21/A1?17=261231&3103=005000&linkType=gs1:pip', new Date('2026-12-01'));
    expect(link).toEqual({
      key: { ai: '01', value: '08938505974194' },
      qualifiers: [{ ai: '10', value: 'LUA/2026-01' }, { ai: '21', value: 'A1' }],
      attributes: { 17: '2026-12-31', 3103: '005000' },
      linkType: 'gs1:pip',
    });
    const gln = completeKey('893850597000');
    expect(parseDigitalLink(`/414/${gln}/254/KHO-1`)).toMatchObject({ key: { ai: '414', value: gln }, qualifiers: [{ ai: '254', value: 'KHO-1' }] });
  });

  it('writes the canonical URI back (GTIN-14, qualifiers in order, encoded) and reads it the same', () => {
    const uri = digitalLinkUri('https://tinhso.example/', { ai: '01', value: '8938505974194' }, [{ ai: '21', value: 'S%1' }, { ai: '10', value: 'L/7' }]);
    expect(uri).toBe('https://tinhso.example/01/08938505974194/10/L%2F7/21/S%251');
    expect(parseDigitalLink(uri).qualifiers).toEqual([{ ai: '10', value: 'L/7' }, { ai: '21', value: 'S%1' }]);
    // A space is not in GS1's character set 82: no lot or serial holds one.
    expect(faultOf('https://tinhso.example/01/08938505974194/21/S%201')).toEqual({ code: 'qualifier_invalid', ai: '21' });
  });

  it('refuses a wrong check digit, qualifiers out of order or unknown to the key, characters outside set 82 and impossible dates', () => {
    expect(faultOf('https://id.gs1.org/01/8938505974195')).toEqual({ code: 'key_invalid', ai: '01', fault: 'check_digit' });
    expect(faultOf('https://id.gs1.org/01/08938505974194/21/A1/10/L1')).toEqual({ code: 'qualifier_order', ai: '10' });
    expect(faultOf('https://id.gs1.org/01/08938505974194/254/X')).toEqual({ code: 'qualifier_order', ai: '254' });
    expect(faultOf('https://id.gs1.org/01/08938505974194/10/L%C3%9AA')).toEqual({ code: 'qualifier_invalid', ai: '10' });
    expect(faultOf(`https://id.gs1.org/01/08938505974194/10/${'X'.repeat(21)}`)).toEqual({ code: 'qualifier_invalid', ai: '10' });
    expect(faultOf('https://id.gs1.org/01/08938505974194?17=261332')).toEqual({ code: 'attribute_invalid', ai: '17' });
    expect(faultOf('https://example.org/products/123')).toEqual({ code: 'not_digital_link' });
    expect(faultOf('https://id.gs1.org/01/08938505974194/10')).toEqual({ code: 'not_digital_link' });
  });

  it('dates YYMMDD in the nearest century, day 00 as the last of the month', () => {
    const now = new Date('2026-06-01');
    expect(gs1Date('260200', now)).toBe('2026-02-28');
    expect(gs1Date('991231', now)).toBe('1999-12-31');
    expect(gs1Date('700101', now)).toBe('2070-01-01');
    expect(gs1Date('240230', now)).toBeNull();
  });
});
