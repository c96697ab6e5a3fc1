// Period codes as DHIS2 writes them (2024, 2024S1, 2024Q3, 2024M07, 2024W31, 20240715): parsing, containment, roll-up.
export { PERIOD_RANK, PERIOD_TYPES, PeriodError, contains, isPeriodCode, parsePeriod, periodOf, periodsWithin, toCoarser } from './periods.js';
export type { Period, PeriodType } from './periods.js';
export { fromDhis2Period, toDhis2Period } from './dhis2.js';
