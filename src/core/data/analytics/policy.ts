import { DATA_ACCESS } from '../policy.js';

/** Figures are for everyone who reads them: aggregates name no person, and every unit's totals are public record. */
export const ANALYTICS_POLICY = { read: DATA_ACCESS.read } as const;
