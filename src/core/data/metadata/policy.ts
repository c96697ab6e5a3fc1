import { DATA_ACCESS } from '../policy.js';

/** The catalogue is read by everyone who reads figures and kept by administrators alone. */
export const METADATA_POLICY = {
  read: DATA_ACCESS.read,
  keep: DATA_ACCESS.catalogue,
} as const;

/** Text cannot be summed or averaged: a text element aggregates with "none" over units. */
export const aggregationFits = (valueType: string, aggUnits: string): boolean => valueType !== 'text' || aggUnits === 'none';
