import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.js';

// Connectors to other systems (modules/connectors, migration 0032).

type Json<T> = ColumnType<T, string | undefined, string>;

export interface ConnectorMappingColumns {
  unitField: string;
  periodField: string;
  values: { field: string; element: string; coc?: string }[];
}

export interface ConnectorTable {
  id: Generated<number>;
  name_vi: string;
  name_en: string;
  url: string;
  format: 'json' | 'csv';
  json_path: ColumnType<string, string | undefined, string>;
  headers: Json<Record<string, string>>;
  mapping: Json<ConnectorMappingColumns>;
  interval_minutes: number;
  stale_after_minutes: number | null;
  timeout_ms: number;
  retries: number;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  changed_at: NullableTimestamp;
  last_run_at: NullableTimestamp;
  next_run_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
}

export interface ConnectorRunTable {
  id: Generated<number>;
  connector_id: number;
  started_at: Timestamp;
  finished_at: Timestamp;
  outcome: 'ok' | 'unchanged' | 'failed';
  trigger: 'schedule' | 'manual';
  http_status: number | null;
  attempts: number;
  rows_read: ColumnType<number, number | undefined, number>;
  imported: ColumnType<number, number | undefined, number>;
  updated: ColumnType<number, number | undefined, number>;
  ignored: ColumnType<number, number | undefined, number>;
  refused: ColumnType<number, number | undefined, number>;
  bad_rows: Json<{ row: number; field: string; vi: string; en: string; value?: unknown }[]>;
  error_vi: string | null;
  error_en: string | null;
}
