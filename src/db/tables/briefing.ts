import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.js';

// The IOC briefing's archive (modules/briefing).

export interface BriefingTable {
  id: Generated<number>;
  kind: 'daily' | 'weekly';
  period_start: string;
  period_end: string;
  generated_at: Timestamp;
  content: ColumnType<Record<string, unknown>, string, string>;
}
