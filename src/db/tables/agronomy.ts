import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.js';

// Agronomy: crop stages, technicians' trap counts, sowing bulletins and their subscribers (modules/agronomy, migration 0037).

type Json<T> = ColumnType<T, string, string>;

export interface AgriCropStageTable {
  id: Generated<number>;
  unit_id: number;
  stage: string;
  since: string;
  set_by: string;
  set_at: Timestamp;
}

export interface AgriFieldCountTable {
  id: Generated<number>;
  device_id: number;
  night: string;
  counts: Json<Record<string, number>>;
  note: string | null;
  photo: Buffer | null;
  photo_type: string | null;
  client_ref: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** A sowing window of a bulletin: the communes it is for, its days, and the migration peak it avoids. */
export interface SowingWindowColumns { unitId: number; from: string; to: string; peak: string; round: number }

export interface AgriBulletinTable {
  id: Generated<number>;
  unit_id: number;
  season: string;
  title: string;
  status: 'draft' | 'approved' | 'published';
  windows: Json<SowingWindowColumns[]>;
  forecast: Json<Record<string, unknown>>;
  advice: ColumnType<string, string | undefined, string>;
  drafted_by: string;
  drafted_at: Timestamp;
  /** Who changed the draft, its drafter first (migration 0041). */
  editors: ColumnType<string[], string | undefined, string>;
  approved_by: string | null;
  approved_at: NullableTimestamp;
  published_by: string | null;
  published_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface AgriSubscriptionTable {
  id: Generated<number>;
  name: string;
  email: string;
  unit_id: number | null;
  locale: ColumnType<'vi' | 'en', 'vi' | 'en' | undefined, 'vi' | 'en'>;
  unsubscribe_hash: string;
  created_by: string;
  created_at: Timestamp;
  unsubscribed_at: NullableTimestamp;
}
