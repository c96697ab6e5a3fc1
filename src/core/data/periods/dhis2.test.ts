import { describe, expect, it } from 'vitest';
import { fromDhis2Period, toDhis2Period } from './dhis2.js';
import { parsePeriod } from './periods.js';

describe("DHIS2's period identifiers", () => {
  it.each([
    ['202401', '2024M01'],
    ['202412', '2024M12'],
    ['2024W1', '2024W01'],
    ['2024W9', '2024W09'],
    ['2024W31', '2024W31'],
    ['2024', '2024'],
    ['2024S1', '2024S1'],
    ['2024Q3', '2024Q3'],
    ['20240715', '20240715'],
  ])('reads %s as the store code %s, and writes it back', (dhis2, store) => {
    expect(fromDhis2Period(dhis2)).toBe(store);
    expect(toDhis2Period(store)).toBe(dhis2);
    expect(parsePeriod(fromDhis2Period(dhis2)).code).toBe(store);
  });

  it("keeps the store's own codes and leaves what is neither for the period check to refuse", () => {
    expect(fromDhis2Period('2024M07')).toBe('2024M07');
    expect(fromDhis2Period('202413')).toBe('202413');
    expect(() => parsePeriod(fromDhis2Period('202413'))).toThrow();
    expect(fromDhis2Period('2024W0')).toBe('2024W0');
  });

  it('tells a DHIS2 month from a day by its length', () => {
    expect(parsePeriod(fromDhis2Period('202402')).start).toBe('2024-02-01');
    expect(parsePeriod(fromDhis2Period('20240229')).end).toBe('2024-02-29');
  });
});
