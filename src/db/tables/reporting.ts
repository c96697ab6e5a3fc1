import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './columns.js';

// Periodic reporting (modules/reporting).

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
