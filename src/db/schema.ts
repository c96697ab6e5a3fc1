import type { ColumnType, Generated } from 'kysely';

/** Timestamps are read as Date and written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export type UnitLevel = 'province' | 'district' | 'commune' | 'department';

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  type: string;
  level: UnitLevel;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  osm_relation_ids: ColumnType<number[], string | undefined, string>;
  source: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type UnitEventKind = 'establish' | 'merge' | 'split' | 'rename' | 'reparent' | 'dissolve';

export interface OrgUnitEventTable {
  id: Generated<number>;
  event_date: string;
  kind: UnitEventKind;
  legal_basis: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface OrgUnitEventUnitTable {
  event_id: number;
  unit_id: number;
  role: 'predecessor' | 'successor';
  share: ColumnType<'full' | 'partial', 'full' | 'partial' | undefined, 'full' | 'partial'>;
}

export interface OrgUnitBoundaryTable {
  unit_id: number;
  geometry: ColumnType<unknown, string, string>;
  source: string;
  updated_at: Timestamp;
}

export type Role = 'admin' | 'leader' | 'officer' | 'reviewer';
export type Locale = 'vi' | 'en';

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  role: Role;
  org_unit_id: number;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: NullableTimestamp;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: ColumnType<string[], string, string>;
  org_unit_id: number | null;
  created_by: string;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export type ActorKind = 'user' | 'token' | 'system' | 'cli';

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_kind: ActorKind;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  ip: string | null;
  request_id: string | null;
}

export interface ScheduledJobTable {
  name: string;
  interval_seconds: number;
  next_run_at: Timestamp;
  last_started_at: NullableTimestamp;
  last_finished_at: NullableTimestamp;
  last_status: 'ok' | 'failed' | null;
  last_error: string | null;
  run_count: ColumnType<number, number | undefined, number>;
}

export interface JobRunTable {
  id: Generated<number>;
  job_name: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  status: 'ok' | 'failed';
  detail: string | null;
  runner: string;
}

export interface OrgUnitVersionTable {
  id: number;
  version: number;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface DB {
  app_setting: AppSettingTable;
  org_unit: OrgUnitTable;
  org_unit_event: OrgUnitEventTable;
  org_unit_event_unit: OrgUnitEventUnitTable;
  org_unit_boundary: OrgUnitBoundaryTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  scheduled_job: ScheduledJobTable;
  job_run: JobRunTable;
  schema_migration: SchemaMigrationTable;
  org_unit_version: OrgUnitVersionTable;
}
