import { parse as parseCsv } from 'csv-parse/sync';
import { cellText, openWorkbook, type WorkbookLimits } from '../../core/workbook/index.js';
import { AppError } from '../../server/errors.js';
import type { ImportFault } from './import-messages.js';

// The rows of a master-data file (CSV or XLSX, its first sheet): a header row naming the columns, then one product
// and/or lot a row. Cells come back as text, keyed by their column; the row number is the file's (the header is 1).

export const IMPORT_COLUMNS = [
  'gtin', 'nameVi', 'nameEn', 'category', 'description', 'ocopStars', 'ocopGroup', 'ocopYear', 'whereToBuy',
  'lot', 'productionDate', 'expiryDate', 'quantity', 'uom', 'placeCode',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export interface RawRow { row: number; cells: Partial<Record<ImportColumn, string>> }
export interface HeaderProblem { row: number; field: string; key: ImportFault }

const byLower = new Map(IMPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));
/** The columns a header names, in its order (null for a column that is none of ours). */
const headerColumns = (names: string[]) => names.map((n) => byLower.get(n.trim().toLowerCase()) ?? null);

function rowsOf(header: string[], records: { row: number; cells: string[] }[]) {
  const columns = headerColumns(header);
  const problems: HeaderProblem[] = [];
  header.forEach((name, i) => {
    if (name.trim() && !columns[i]) problems.push({ row: 1, field: name.trim(), key: 'import_column_unknown' as const });
  });
  if (!columns.includes('gtin')) problems.push({ row: 1, field: 'gtin', key: 'import_gtin_column' as const });
  const rows: RawRow[] = [];
  for (const { row, cells } of records) {
    const out: RawRow['cells'] = {};
    columns.forEach((c, i) => {
      const v = (cells[i] ?? '').trim();
      if (c && v) out[c] = v;
    });
    if (Object.keys(out).length) rows.push({ row, cells: out });
  }
  return { rows, problems };
}

/** A workbook's cell as our text: a date cell as its day (Excel keeps days as midnight UTC). */
const workbookCell = (cell: Parameters<typeof cellText>[0]) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cellText(cell));

async function readWorkbook(data: Buffer, limits: WorkbookLimits) {
  const book = await openWorkbook(data, { sheets: 'first', columns: IMPORT_COLUMNS.length + 5, limits, field: 'file' });
  let header: string[] = [];
  const records: { row: number; cells: string[] }[] = [];
  try {
    for await (const { row, cells } of book.rows()) {
      if (row === 1) header = cells.map(workbookCell);
      else records.push({ row, cells: cells.map(workbookCell) });
    }
  } finally {
    book.close();
  }
  return rowsOf(header, records);
}

function readCsv(data: Buffer) {
  const text = data.toString('utf8');
  if (text.includes('\u0000') || text.includes('\ufffd')) throw new AppError('import_file_type', {}, 'file');
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // Vietnamese spreadsheets often save CSV with ";" between cells: the header tells which.
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    parsed = parseCsv(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as typeof parsed;
  } catch {
    throw new AppError('import_file_type', {}, 'file');
  }
  const [head, ...rest] = parsed;
  return rowsOf(head?.record ?? [], rest.map((r) => ({ row: r.info.lines, cells: r.record })));
}

/** Reads an upload: an XLSX (a zip, by its first bytes) through the workbook reader, anything else as UTF-8 CSV. */
export async function readImportFile(data: Buffer, limits: WorkbookLimits) {
  const zip = data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  return zip ? readWorkbook(data, limits) : readCsv(data);
}
