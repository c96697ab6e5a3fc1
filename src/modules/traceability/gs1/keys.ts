// GS1 identification keys: the mod-10 check digit of GTINs, GLNs and SSCCs (GS1 General Specifications §7.9), a GTIN
// in any of its lengths written as GTIN-14, and the 893 prefix GS1 Việt Nam issues.

/** The check digit of a key's digits without it: weights 3, 1, 3, … from the right. */
export function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

const withCheckDigit = (digits: string) => Number(digits.at(-1)) === checkDigit(digits.slice(0, -1));

export type KeyFault = 'digits' | 'length' | 'check_digit';

/** Why a GTIN (8, 12, 13 or 14 digits) is not one, or null when it is. */
export function gtinFault(value: string): KeyFault | null {
  if (!/^\d+$/.test(value)) return 'digits';
  if (![8, 12, 13, 14].includes(value.length)) return 'length';
  return withCheckDigit(value) ? null : 'check_digit';
}

/** A GTIN as the 14 digits Digital Link and EPCIS compare (GTIN-8, -12, -13 padded with zeros on the left). */
export const gtin14 = (value: string) => value.padStart(14, '0');

export function glnFault(value: string): KeyFault | null {
  if (!/^\d+$/.test(value)) return 'digits';
  if (value.length !== 13) return 'length';
  return withCheckDigit(value) ? null : 'check_digit';
}

export function ssccFault(value: string): KeyFault | null {
  if (!/^\d+$/.test(value)) return 'digits';
  if (value.length !== 18) return 'length';
  return withCheckDigit(value) ? null : 'check_digit';
}

/** A GTIN-13 of GS1 Việt Nam (prefix 893), read from its GTIN-14 form too. */
export const isVietnamese = (gtin: string) => gtin14(gtin).slice(1, 4) === '893';

/** Completes a key's digits with their check digit (for making test and demo keys). */
export const completeKey = (body: string) => `${body}${checkDigit(body)}`;
