import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { itemKey, type FormDefinition } from './forms.js';
import type { CellProblem, WorkbookReport } from './xlsx.js';

const HEADER = ['maChiTieu', 'chiTieu', 'donViTinh', 'giaTri'];

/** A report's numbers as CSV (UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly). */
export function reportCsv(r: WorkbookReport): string {
  const rows = r.form.sections.flatMap((s) => (s.kind === 'data' ? s.items : [])).map((item) => {
    const key = itemKey(item);
    const e = r.elements[item.element];
    return [key, e?.nameVi ?? item.element, e?.unit ?? '', r.values[key] ?? ''];
  });
  return `\uFEFF${stringify([HEADER, ...rows])}`;
}

/** Numbers from a CSV in that shape; every bad line is named (sheet "CSV", cell "dòng N"). */
export function readReportCsv(text: string, form: FormDefinition): { values: Record<string, number | null>; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    return { values: {}, problems: [{ sheet: 'CSV', cell: '', vi: `Tệp CSV không đọc được: ${(err as Error).message}`, en: `Unreadable CSV: ${(err as Error).message}` }] };
  }
  const keys = new Set(form.sections.flatMap((s) => (s.kind === 'data' ? s.items.map(itemKey) : [])));
  const values: Record<string, number | null> = {};
  records.slice(1).forEach((rec, i) => {
    const line = `dòng ${i + 2}`;
    const key = rec[0] ?? '';
    const raw = (rec[3] ?? '').trim();
    if (!keys.has(key)) problems.push({ sheet: 'CSV', cell: line, vi: `${key || '(trống)'} không có trong biểu mẫu`, en: `${key || '(empty)'} is not on the form` });
    else if (raw === '') values[key] = null;
    else if (!Number.isFinite(Number(raw.replace(',', '.')))) problems.push({ sheet: 'CSV', cell: line, vi: `"${raw}" không phải là số`, en: `"${raw}" is not a number` });
    else values[key] = Number(raw.replace(',', '.'));
  });
  return { values, problems };
}
