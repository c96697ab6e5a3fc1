import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.js';

// Field devices and their telemetry (modules/devices, migrations 0036 and 0038).

type Json<T> = ColumnType<T, string | undefined, string>;

/** A key a kind of device measures: its code, names and unit. */
export interface DeviceKeyColumns { key: string; nameVi: string; nameEn: string; unit: string }

export interface DeviceKindTable {
  code: string;
  name_vi: string;
  name_en: string;
  keys: Json<DeviceKeyColumns[]>;
  interval_seconds: number;
  provision_key: string | null;
  provision_secret_hash: string | null;
  sort: ColumnType<number, number | undefined, number>;
}

export interface DeviceTable {
  id: Generated<number>;
  kind_code: string;
  name: string;
  lat: number | null;
  lon: number | null;
  unit_id: number | null;
  owner_unit_id: number | null;
  token_hash: string;
  token_prefix: string;
  revoked_at: NullableTimestamp;
  provisioned: ColumnType<boolean, boolean | undefined, boolean>;
  last_seen_at: NullableTimestamp;
  battery: number | null;
  attributes: Json<Record<string, unknown>>;
  /** The gateway that registered it (migration 0038). */
  gateway_id: number | null;
  bad_payloads: ColumnType<number, number | undefined, number>;
  last_bad_reason: string | null;
  last_bad_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TelemetryTable { device_id: number; key: string; ts: Timestamp; value: number }

interface Aggregate { device_id: number; key: string; n: number; sum: number; min: number; max: number }
export interface TelemetryHourlyTable extends Aggregate { hour: Timestamp }
export interface TelemetryDailyTable extends Aggregate { day: string }
/** Readings of 18:00–06:00 Việt Nam time, by the night's evening (migration 0039). */
export interface TelemetryNightlyTable extends Aggregate { night: string }
