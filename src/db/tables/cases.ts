import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './columns.js';

// The case engine (core/cases).

export interface CaseCategoryTable {
  kind: string;
  code: string;
  name_vi: string;
  name_en: string;
  deadline_working_days: number;
  forward_within_working_days: number | null;
  legal_basis: string | null;
  allow_anonymous: ColumnType<boolean, boolean | undefined, boolean>;
  /** Photos of this category may be shown to the public before an officer has reviewed them. */
  photos_public: ColumnType<boolean, boolean | undefined, boolean>;
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
  /** The id its sender made (migration 0025): the same id again names this case. */
  client_ref: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** When an officer published, blurred or hid the photo; until then it is hidden unless its category allows. */
  reviewed_at: NullableTimestamp;
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

