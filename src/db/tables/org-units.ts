import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.js';
import type { VersionTable } from './platform.js';

// Administrative units in time (core/org-units).

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


export interface OrgUnitVersionTable extends VersionTable {
  /** Bumped only by changes to how units roll up (migration 0019): what cached analytics answers depend on. */
  structure_version: Generated<number>;
}

