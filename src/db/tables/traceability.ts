import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.js';

// Traceability: producers, their places, products, certificates, lots and items; EPCIS events hash-chained per
// producer, their captures and signed checkpoints; the resolver's scans (modules/traceability, migration 0043).

type Json<T> = ColumnType<T, string, string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type ProducerKind = 'cooperative' | 'household' | 'enterprise';
export type ProducerStatus = 'pending' | 'verified' | 'suspended';
export type CaptureStatus = 'succeeded' | 'failed';

export interface TraceProducerTable {
  id: Generated<number>;
  kind: ProducerKind;
  name: string;
  tax_code: string | null;
  gln: string | null;
  address: string;
  unit_id: number;
  phone: string | null;
  website: string | null;
  description: Defaulted<string>;
  status: Defaulted<ProducerStatus>;
  verified_by: string | null;
  verified_at: NullableTimestamp;
  chain_seq: Defaulted<number>;
  chain_head: Defaulted<string>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TraceMemberTable {
  user_id: number;
  producer_id: number;
}

export interface TracePlaceTable {
  id: Generated<number>;
  producer_id: number;
  kind: 'area' | 'facility';
  code: string;
  name: string;
  location: string;
  unit_id: number;
  area_ha: number | null;
  lat: number | null;
  lon: number | null;
}

export interface TraceProductTable {
  id: Generated<number>;
  producer_id: number;
  gtin: string;
  name_vi: string;
  name_en: string | null;
  category: string;
  description: Defaulted<string>;
  ocop_stars: number | null;
  ocop_group: string | null;
  ocop_year: number | null;
  where_to_buy: Defaulted<string>;
  image: Buffer | null;
  image_type: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TraceCertificateTable {
  id: Generated<number>;
  producer_id: number;
  product_id: number | null;
  scheme: string;
  number: string;
  issuer: string;
  valid_from: string;
  valid_to: string;
  evidence: Buffer | null;
  evidence_type: string | null;
  evidence_name: string | null;
  created_at: Timestamp;
}

export interface TraceLotTable {
  id: Generated<number>;
  product_id: number;
  lot: string;
  production_date: string;
  expiry_date: string | null;
  quantity: number | null;
  uom: string | null;
  place_id: number | null;
  recalled_at: NullableTimestamp;
  recall_reason: string | null;
  created_at: Timestamp;
}

export interface TraceItemTable {
  product_id: number;
  serial: string;
  lot_id: number;
}

/** A problem of a capture, as problem+json names it: where, which rule, and the detail. */
export interface CaptureProblemColumns {
  pointer: string;
  code: string;
  detail: string;
}

export interface TraceCaptureTable {
  id: string;
  producer_id: number;
  status: CaptureStatus;
  event_count: number;
  problems: ColumnType<CaptureProblemColumns[], string | undefined, string>;
  captured_by: string;
  received_at: Timestamp;
  finished_at: Timestamp;
}

export interface TraceEventTable {
  id: Generated<number>;
  producer_id: number;
  seq: number;
  event_id: string;
  hash_id: string;
  event_type: string;
  event_time: Timestamp;
  record_time: Timestamp;
  action: string | null;
  biz_step: string | null;
  disposition: string | null;
  biz_location: string | null;
  read_point: string | null;
  parent_id: string | null;
  epcs: string[];
  epc_classes: string[];
  declares: string | null;
  capture_id: string;
  prefixes: Json<Record<string, string>>;
  document: Json<Record<string, unknown>>;
  prev_hash: string;
  chain_hash: string;
}

export interface TraceCheckpointTable {
  id: Generated<number>;
  producer_id: number;
  seq: number;
  chain_hash: string;
  signed_at: Timestamp;
  key_id: string;
  signature: string;
}

export interface TraceScanTable {
  id: Generated<number>;
  at: Timestamp;
  product_id: number;
  lot_id: number | null;
  serial: string | null;
  lat: number | null;
  lon: number | null;
}
