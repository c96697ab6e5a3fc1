import { stringify } from 'csv-stringify/sync';

const COLUMNS = ['id', 'at', 'actor_kind', 'actor_name', 'action', 'entity', 'entity_id', 'before', 'after', 'ip', 'request_id'] as const;
type Row = Record<(typeof COLUMNS)[number], unknown>;

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
};

/** The rows as a CSV that Excel opens with its Vietnamese letters intact (a byte-order mark, CRLF lines). */
export function auditCsv(rows: Row[]): string {
  return `\uFEFF${stringify([COLUMNS as readonly string[], ...rows.map((r) => COLUMNS.map((c) => cell(r[c])))], { record_delimiter: 'windows' })}`;
}
