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

export interface VersionTable {
  id: number;
  version: number;
}

export interface OrgUnitVersionTable extends VersionTable {
  /** Bumped only by changes to how units roll up (migration 0019): what cached analytics answers depend on. */
  structure_version: Generated<number>;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

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
}

export interface CalendarExceptionTable {
  date: string;
  kind: 'day_off' | 'working_day';
  name_vi: string;
  source: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface CaseCategoryTable {
  kind: string;
  code: string;
  name_vi: string;
  name_en: string;
  deadline_working_days: number;
  forward_within_working_days: number | null;
  legal_basis: string | null;
  allow_anonymous: ColumnType<boolean, boolean | undefined, boolean>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  sort: ColumnType<number, number | undefined, number>;
}

export interface CaseRecordTable {
  id: Generated<number>;
  kind: string;
  tracking_code: string;
  category_code: string;
  state: 'received' | 'routed' | 'forwarded' | 'accepted' | 'in_progress' | 'answered' | 'closed' | 'returned' | 'merged';
  title: string | null;
  description: string;
  channel: string;
  place_unit_id: number | null;
  unit_id: number | null;
  officer_id: number | null;
  priority: ColumnType<'low' | 'normal' | 'high' | 'urgent', 'low' | 'normal' | 'high' | 'urgent' | undefined, 'low' | 'normal' | 'high' | 'urgent'>;
  lat: number | null;
  lon: number | null;
  received_at: Timestamp;
  due_date: string;
  escalated_to_unit_id: number | null;
  escalated_at: NullableTimestamp;
  merged_into_id: number | null;
  public_answer: string | null;
  answered_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  public_description: string | null;
  reminded_due_date: string | null;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  at: Timestamp;
  actor_kind: string;
  actor_name: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  unit_id: number | null;
  note: string | null;
  internal: ColumnType<boolean, boolean | undefined, boolean>;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface CaseRoutingRuleTable {
  id: Generated<number>;
  kind: string;
  category_code: string | null;
  target: 'place' | 'place_parent' | 'unit';
  unit_id: number | null;
  position: number;
  note: string | null;
}

export interface CaseMediaTable {
  id: Generated<number>;
  case_id: number;
  position: number;
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  original: Buffer;
  published: Buffer | null;
  hidden: ColumnType<boolean, boolean | undefined, boolean>;
  exif_lat: number | null;
  exif_lon: number | null;
  created_at: Timestamp;
}

export interface CaseAnswerTemplateTable {
  id: Generated<number>;
  kind: string;
  category_code: string | null;
  title: string;
  body: string;
  updated_by: string;
  updated_at: Timestamp;
}

export type NotificationChannel = 'email' | 'in_app' | 'webhook';

export interface NotificationTable {
  id: Generated<number>;
  channel: NotificationChannel;
  recipient: string;
  user_id: number | null;
  webhook_id: number | null;
  event: string;
  case_id: number | null;
  subject: string;
  body: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  state: ColumnType<'pending' | 'sent' | 'failed', 'pending' | 'sent' | 'failed' | undefined, 'pending' | 'sent' | 'failed'>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  last_error: string | null;
  sent_at: NullableTimestamp;
  read_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface WebhookTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret: string;
  events: ColumnType<string[], string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string;
  created_at: Timestamp;
}

export interface ReportRegimeTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  kind: 'periodic' | 'thematic' | 'ad_hoc';
  content: string;
  reporting_level: 'province' | 'district' | 'commune' | 'department' | null;
  reporting_unit_ids: ColumnType<number[], string | undefined, string>;
  reporting_unit_type: string | null;
  receiving_unit_id: number;
  sending_method: string;
  frequency: 'month' | 'quarter' | 'sixmonth' | 'year';
  period_basis: 'decree09' | 'calendar';
  deadline_rule: ColumnType<Record<string, unknown>, string, string>;
  guidance: string | null;
  legal_basis: string | null;
  electronic: ColumnType<boolean, boolean | undefined, boolean>;
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportFormTable {
  id: Generated<number>;
  regime_id: number;
  version: number;
  definition: ColumnType<Record<string, unknown>, string, string>;
  created_by: string;
  created_at: Timestamp;
}

export type ReportState = 'draft' | 'submitted' | 'returned' | 'approved';

export interface ReportTable {
  id: Generated<number>;
  regime_id: number;
  form_id: number;
  org_unit_id: number;
  period: string;
  period_start: string;
  period_end: string;
  due_date: string;
  state: ReportState;
  approvals: ColumnType<number[], string | undefined, string>;
  values: ColumnType<Record<string, number | null>, string | undefined, string>;
  narrative: ColumnType<Record<string, string>, string | undefined, string>;
  revision: ColumnType<number, number | undefined, number>;
  submitted_at: NullableTimestamp;
  first_submitted_at: NullableTimestamp;
  approved_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportEventTable {
  id: Generated<number>;
  report_id: number;
  at: Timestamp;
  actor_kind: string;
  actor_name: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  unit_id: number | null;
  note: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface ReportReminderTable {
  id: Generated<number>;
  regime_id: number;
  org_unit_id: number;
  period: string;
  kind: 'due_soon' | 'overdue' | 'manual';
  sent_at: Timestamp;
  sent_by: string;
}

export interface ReportAttachmentTable {
  id: Generated<number>;
  report_id: number;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: Timestamp;
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
  category: CategoryTable;
  category_option: CategoryOptionTable;
  category_combo: CategoryComboTable;
  category_option_combo: CategoryOptionComboTable;
  data_element: DataElementTable;
  data_value: DataValueTable;
  data_value_history: DataValueHistoryTable;
  indicator: IndicatorTable;
  indicator_target: IndicatorTargetTable;
  analytics_cache: AnalyticsCacheTable;
  data_value_year_version: DataValueYearVersionTable;
  data_value_year_total: DataValueYearTotalTable;
  import_job: ImportJobTable;
  calendar_exception: CalendarExceptionTable;
  case_category: CaseCategoryTable;
  case_record: CaseRecordTable;
  case_event: CaseEventTable;
  case_routing_rule: CaseRoutingRuleTable;
  case_media: CaseMediaTable;
  case_answer_template: CaseAnswerTemplateTable;
  notification: NotificationTable;
  webhook: WebhookTable;
  case_reference_version: VersionTable;
  report_regime: ReportRegimeTable;
  report_form: ReportFormTable;
  report: ReportTable;
  report_event: ReportEventTable;
  report_reminder: ReportReminderTable;
  report_attachment: ReportAttachmentTable;
}
