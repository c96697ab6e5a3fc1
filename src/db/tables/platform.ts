import type { ColumnType } from 'kysely';
import type { Timestamp } from './columns.js';

// The platform's own tables: settings, applied migrations, and the version counters that tell processes to reload.

export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}


export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}


export interface VersionTable {
  id: number;
  version: number;
}

