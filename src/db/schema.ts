import type { AppSettingTable, SchemaMigrationTable, VersionTable } from './tables/platform.js';
import type { OrgUnitTable, OrgUnitEventTable, OrgUnitEventUnitTable, OrgUnitBoundaryTable, OrgUnitVersionTable } from './tables/org-units.js';
import type { AppUserTable, LoginFailureTable, UserSessionTable, ApiTokenTable, AuditLogTable } from './tables/people.js';
import type { ScheduledJobTable, JobRunTable, CalendarExceptionTable, NotificationTable, WebhookTable } from './tables/jobs.js';
import type { CategoryTable, CategoryOptionTable, CategoryComboTable, CategoryOptionComboTable, DataElementTable, DataValueYearTotalTable, DataValueYearVersionTable, AnalyticsCacheTable, DataValueTable, DataValueHistoryTable, IndicatorTable, IndicatorTargetTable, ImportJobTable } from './tables/data.js';
import type { CaseCategoryTable, CaseRecordTable, CaseEventTable, CaseRoutingRuleTable, CaseMediaTable, CaseAnswerTemplateTable } from './tables/cases.js';
import type { ReportRegimeTable, ReportFormTable, ReportTable, ReportEventTable, ReportReminderTable, ReportAttachmentTable } from './tables/reporting.js';

// The database's tables as Kysely sees them, each declared in src/db/tables/ with the others of its owner.
// test/db-schema.test.ts holds these declarations against what the migrations create, column by column.
export type { AppSettingTable, SchemaMigrationTable, VersionTable } from './tables/platform.js';
export type { UnitLevel, OrgUnitTable, UnitEventKind, OrgUnitEventTable, OrgUnitEventUnitTable, OrgUnitBoundaryTable, OrgUnitVersionTable } from './tables/org-units.js';
export type { Role, Locale, AppUserTable, LoginFailureTable, UserSessionTable, ApiTokenTable, ActorKind, AuditLogTable } from './tables/people.js';
export type { ScheduledJobTable, JobRunTable, CalendarExceptionTable, NotificationChannel, NotificationTable, WebhookTable } from './tables/jobs.js';
export type { ValueType, Aggregation, SourceKind, Pillar, CategoryTable, CategoryOptionTable, CategoryComboTable, CategoryOptionComboTable, DataElementTable, DataValueYearTotalTable, DataValueYearVersionTable, AnalyticsCacheTable, DataValueTable, DataValueHistoryTable, IndicatorTable, IndicatorTargetTable, ImportJobTable } from './tables/data.js';
export type { CaseCategoryTable, CaseRecordTable, CaseEventTable, CaseRoutingRuleTable, CaseMediaTable, CaseAnswerTemplateTable } from './tables/cases.js';
export type { ReportRegimeTable, ReportFormTable, ReportState, ReportTable, ReportEventTable, ReportReminderTable, ReportAttachmentTable } from './tables/reporting.js';

export interface DB {
  app_setting: AppSettingTable;
  org_unit: OrgUnitTable;
  org_unit_event: OrgUnitEventTable;
  org_unit_event_unit: OrgUnitEventUnitTable;
  org_unit_boundary: OrgUnitBoundaryTable;
  app_user: AppUserTable;
  login_failure: LoginFailureTable;
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
  figure_definition_version: VersionTable;
  report_regime: ReportRegimeTable;
  report_form: ReportFormTable;
  report: ReportTable;
  report_event: ReportEventTable;
  report_reminder: ReportReminderTable;
  report_attachment: ReportAttachmentTable;
}
