import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './columns.js';

// Scheduled jobs, the working calendar's exceptions, notifications and webhooks (core/jobs, core/calendar, core/notify).

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


export interface CalendarExceptionTable {
  date: string;
  kind: 'day_off' | 'working_day';
  name_vi: string;
  source: string | null;
  created_by: string;
  created_at: Timestamp;
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
  /** An in-app message's English subject and body (the columns before them are Vietnamese); null on other channels. */
  subject_en: string | null;
  body_en: string | null;
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

