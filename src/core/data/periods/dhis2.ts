/**
 * DHIS2's own period identifiers, as its clients send and expect them at the dataValueSets boundary. They equal the
 * store's codes except two: a month is yyyyMM (202401, the store's 2024M01) and a week's number is not padded
 * (2024W1, the store's 2024W01). Years, halves, quarters and days (2024, 2024S1, 2024Q3, 20240715) are the same.
 */
const DHIS2_MONTH = /^(\d{4})(0[1-9]|1[0-2])$/;
const DHIS2_WEEK = /^(\d{4})W([1-9])$/;
const STORE_MONTH = /^(\d{4})M(0[1-9]|1[0-2])$/;
const STORE_WEEK = /^(\d{4})W0([1-9])$/;

/** The store's code for a period identifier written by DHIS2 (or already in the store's form, returned as given). */
export function fromDhis2Period(code: string): string {
  const month = DHIS2_MONTH.exec(code);
  if (month) return `${month[1]}M${month[2]}`;
  const week = DHIS2_WEEK.exec(code);
  if (week) return `${week[1]}W0${week[2]}`;
  return code;
}

/** DHIS2's identifier for a period code of the store. */
export function toDhis2Period(code: string): string {
  const month = STORE_MONTH.exec(code);
  if (month) return `${month[1]}${month[2]}`;
  const week = STORE_WEEK.exec(code);
  if (week) return `${week[1]}W${week[2]}`;
  return code;
}
