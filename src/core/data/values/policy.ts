import { DATA_ACCESS } from '../policy.js';

/**
 * Values are read by everyone who reads figures, within their units; written by administrators, officers for their
 * units and data-exchange tokens. The unit scope of each value is checked by the checker (values.ts), row by row.
 */
export const VALUE_POLICY = {
  read: DATA_ACCESS.read,
  write: DATA_ACCESS.write,
} as const;
