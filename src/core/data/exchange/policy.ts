import { DATA_ACCESS } from '../policy.js';

/**
 * Machines and officers exchange values in DHIS2's format: reading for everyone who reads figures, within their units
 * (checked by the export); importing for writers, each row within their units (checked by the importer). An import
 * job is seen by the one who started it and by administrators.
 */
export const EXCHANGE_POLICY = {
  read: DATA_ACCESS.read,
  write: DATA_ACCESS.write,
} as const;

export const maySeeImportJob = (actor: { kind: string; role?: string; name: string }, createdBy: string): boolean =>
  (actor.kind === 'user' && actor.role === 'admin') || createdBy === actor.name;
