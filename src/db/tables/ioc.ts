import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.js';

// The panels of the operations centre's fields (modules/ioc).

export type PanelKind = 'number' | 'trend' | 'bar' | 'table' | 'map';
export interface PanelOptions { periods?: number; limit?: number }

export interface IocPanelTable {
  id: Generated<number>;
  ref_key: string | null;
  field_code: string;
  kind: PanelKind;
  target_kind: 'indicator' | 'element';
  target_code: string;
  unit_level: 'province' | 'district' | 'commune' | 'department';
  period_type: 'month' | 'quarter' | 'sixmonth' | 'year';
  options: ColumnType<PanelOptions, string | undefined, string>;
  position: number;
  title_vi: string;
  title_en: string;
  created_by: string;
  updated_at: Timestamp;
}

export interface IocPanelSeenTable {
  ref_key: string;
}
