import type { UnitLevel } from './org-units.js';
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './columns.js';

// The data-value store (core/data: metadata, values, indicators, analytics, exchange).

export type ValueType = 'integer' | 'number' | 'percentage' | 'boolean' | 'text';

export type Aggregation = 'sum' | 'average' | 'last' | 'min' | 'max' | 'none';

export type SourceKind = 'manual' | 'import' | 'report' | 'job' | 'seed';

export type Pillar = 'government' | 'economy' | 'society' | 'foundations';


export interface CategoryTable { id: Generated<number>; code: string; name_vi: string; name_en: string }

export interface CategoryOptionTable { id: Generated<number>; category_id: number; code: string; name_vi: string; name_en: string; sort: ColumnType<number, number | undefined, number> }

export interface CategoryComboTable { id: Generated<number>; code: string; name_vi: string; name_en: string; categories: ColumnType<string[], string | undefined, string> }

export interface CategoryOptionComboTable {
  id: Generated<number>; combo_id: number; code: string; name_vi: string; name_en: string;
  options: ColumnType<Record<string, string>, string | undefined, string>;
}


export interface DataElementTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  value_type: ValueType;
  agg_units: Aggregation;
  agg_time: Aggregation;
  unit_of_measure: string | null;
  category_combo_id: number;
  period_types: ColumnType<string[], string | undefined, string>;
  description: string | null;
  source: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The unit levels that report it (JSON array); null: any level. */
  reported_by: ColumnType<UnitLevel[] | null, string | null | undefined, string | null>;
  /** Written only by the platform (a module's figures), never entered. */
  computed: ColumnType<boolean, boolean | undefined, boolean>;
}


export interface DataValueYearTotalTable {
  element_id: number;
  org_unit_id: number;
  year: number;
  coc_id: number;
  period_type: string;
  total: number;
  n: number;
}


export interface DataValueYearVersionTable {
  element_id: number;
  year: number;
  version: number;
}


export interface AnalyticsCacheTable {
  key: string;
  element_id: number;
  data_version: number;
  unit_version: number;
  value: number | null;
  computed_at: Timestamp;
}


export interface DataValueTable {
  id: Generated<number>;
  element_id: number;
  org_unit_id: number;
  period: string;
  period_type: string;
  start_date: string;
  end_date: string;
  coc_id: number;
  value: string;
  numeric_value: number | null;
  stored_by: string;
  source_kind: SourceKind;
  source_ref: string | null;
  comment: string | null;
  followup: ColumnType<boolean, boolean | undefined, boolean>;
  deleted: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}


export interface DataValueHistoryTable {
  id: Generated<number>;
  data_value_id: number;
  changed_at: Timestamp;
  changed_by: string;
  source_kind: string;
  source_ref: string | null;
  change: 'create' | 'update' | 'delete' | 'restore' | 'comment' | 'followup';
  old_value: string | null;
  new_value: string | null;
  comment: string | null;
}


export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  numerator: string;
  denominator: ColumnType<string, string | undefined, string>;
  factor: ColumnType<number, number | undefined, number>;
  pillar: Pillar;
  direction: 'higher' | 'lower';
  decimals: ColumnType<number, number | undefined, number>;
  unit_label: string | null;
  framework: ColumnType<string, string | undefined, string>;
  sort: ColumnType<number, number | undefined, number>;
  description: string | null;
  source: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}


export interface IndicatorTargetTable {
  indicator_id: number;
  org_unit_id: number;
  year: number;
  kind: 'baseline' | 'target';
  value: number;
  source: string | null;
}


export interface ImportJobTable {
  id: Generated<string>;
  created_by: string;
  status: 'running' | 'done' | 'failed';
  format: string;
  dry_run: boolean;
  atomic_mode: string;
  bytes_total: number | null;
  rows_total: number | null;
  bytes_read: ColumnType<number, number | undefined, number>;
  rows_read: ColumnType<number, number | undefined, number>;
  summary: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
  heartbeat_at: Timestamp;
  spool_file: string | null;
}

