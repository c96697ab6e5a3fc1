import type { ValueType } from '../../api/data-elements';

export const PERIOD_TYPES = ['year', 'sixmonth', 'quarter', 'month'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** The periods of a type in a year, with their codes and the last day of each. */
export function periodsOf(type: PeriodType, year: number): { code: string; end: string }[] {
  const end = (m: number) => new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  switch (type) {
    case 'year': return [{ code: String(year), end: `${year}-12-31` }];
    case 'sixmonth': return [1, 2].map((n) => ({ code: `${year}S${n}`, end: end(n * 6) }));
    case 'quarter': return [1, 2, 3, 4].map((n) => ({ code: `${year}Q${n}`, end: end(n * 3) }));
    case 'month': return Array.from({ length: 12 }, (_, i) => ({ code: `${year}M${String(i + 1).padStart(2, '0')}`, end: end(i + 1) }));
  }
}

/** A period's short column heading in the whole-year grid: T7 / M7, Q3, 6T1 / H1. */
export function shortLabel(code: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const m = /^\d{4}([SQM])(\d{1,2})$/.exec(code);
  return m ? t(`entry.short.${m[1]}`, { n: Number(m[2]) }) : code;
}

/** The value "all" of the period picker: every period of the type in the year, one column each. */
export const WHOLE_YEAR = 'all';

/** The same checks the server makes, so an officer sees a mistake before saving. */
export function checkCell(type: ValueType, raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  if (type === 'text') return null;
  if (type === 'boolean') return /^(true|false|1|0)$/i.test(text) ? null : 'boolean';
  const n = Number(text.replace(',', '.'));
  if (!Number.isFinite(n)) return 'number';
  if (type === 'integer' && !Number.isInteger(n)) return 'integer';
  if (type === 'percentage' && (n < 0 || n > 100)) return 'percentage';
  return null;
}
