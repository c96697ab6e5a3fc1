import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.js';

// Alerts (core/alerts) and the live stream (core/live).

export type Severity = 'critical' | 'major' | 'minor' | 'warning' | 'info';
export type AlertState = 'open' | 'acknowledged' | 'assigned' | 'resolved' | 'closed' | 'dismissed';
type Json<T> = ColumnType<T, string | undefined, string>;

export interface AlertFieldTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort: ColumnType<number, number | undefined, number>;
}

export type AlertTypeOrigin = 'platform' | 'reference' | 'province';
export interface ChecklistStep { key: string; vi: string; en: string }

export interface AlertTypeTable {
  code: string;
  field_code: string;
  name_vi: string;
  name_en: string;
  default_severity: Severity;
  ack_limit_minutes: number | null;
  checklist: Json<ChecklistStep[]>;
  sort: ColumnType<number, number | undefined, number>;
  /** platform: shipped and raised by the platform's modules; reference: shipped for other systems; province: added here. */
  origin: ColumnType<AlertTypeOrigin, AlertTypeOrigin | undefined, AlertTypeOrigin>;
  retired_at: NullableTimestamp;
}

export interface AlertTable {
  id: Generated<number>;
  type_code: string;
  severity: Severity;
  field_code: string;
  state: ColumnType<AlertState, AlertState | undefined, AlertState>;
  unit_id: number | null;
  lat: number | null;
  lon: number | null;
  title_vi: string;
  title_en: string;
  details_vi: ColumnType<string, string | undefined, string>;
  details_en: ColumnType<string, string | undefined, string>;
  source: string;
  external_id: string | null;
  dedupe_key: string | null;
  evidence: Json<Record<string, unknown>>;
  image: Buffer | null;
  image_type: string | null;
  occurrences: ColumnType<number, number | undefined, number>;
  raised_at: Timestamp;
  last_seen_at: Timestamp;
  acknowledged_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  assigned_unit_id: number | null;
  assigned_user_id: number | null;
  escalation_level: ColumnType<number, number | undefined, number>;
  escalated_unit_id: number | null;
  escalated_at: NullableTimestamp;
  dismiss_reason: string | null;
  checks: Json<Record<string, { by: string; at: string }>>;
  updated_at: Timestamp;
}

export interface AlertEventTable {
  id: Generated<number>;
  alert_id: number;
  at: Timestamp;
  actor_kind: string;
  actor_name: string;
  action: string;
  from_state: AlertState | null;
  to_state: AlertState | null;
  note: ColumnType<string, string | undefined, string>;
  data: Json<Record<string, unknown>>;
}

export interface LiveEventTable {
  id: Generated<number>;
  /** The event's place in the stream, given when its transaction commits (migration 0027); null until then. */
  seq: ColumnType<number | null, never, never>;
  at: Timestamp;
  topic: string;
  unit_ids: number[] | null;
  user_ids: number[] | null;
  payload: Json<Record<string, unknown>>;
}

// Rules on indicators (modules/ioc).

export interface IocRuleTable {
  id: Generated<number>;
  name_vi: string;
  name_en: string;
  target_kind: 'indicator' | 'element';
  target_code: string;
  unit_level: 'province' | 'district' | 'commune' | 'department';
  period_type: 'month' | 'quarter' | 'sixmonth' | 'year';
  comparator: '<' | '<=' | '>' | '>=';
  threshold: number;
  severity: Severity;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string;
  updated_at: Timestamp;
}
