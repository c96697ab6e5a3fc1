import type { Entry } from 'yauzl';
import { ExcelParts, type Cell } from './excel.js';
import { MAX_ENTRIES, Refused, tooLarge, type WorkbookLimits, type WorkbookRefusal } from './limits.js';
import { TagCounter } from './scan.js';
import { inflateEntry, openZip, TooManyEntries, type Zip } from './zip.js';

/** What the server thread sends a reader thread, and what comes back. */
export interface ReadRequest {
  data: Uint8Array;
  /** The first sheet of the workbook, or these sheets by name (in this order; absent ones are left out). */
  sheets: 'first' | string[];
  /** Cells kept of each row, from column A. */
  columns: number;
  limits: WorkbookLimits;
}

export interface WorkbookRow {
  sheet: string;
  row: number;
  cells: Cell[];
}

export type FromReader =
  | { type: 'ready'; sheets: string[]; read: string[]; rows: number; cells: number }
  | { type: 'rows'; rows: WorkbookRow[] }
  | { type: 'done' }
  | { type: 'refused'; code: WorkbookRefusal; params: Record<string, string | number> };

/** Rows per message: big enough that messages are few, small enough that two in flight weigh little. */
const BATCH = 1000;

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Reads a workbook as one reader thread does, in three steps, each bounded: the ZIP's directory is judged before
 * anything is inflated (a workbook, a worksheet, sizes as declared); the sheets to read are inflated once and their
 * rows and cells counted without parsing (so a sheet over a limit is refused at once, before any row reaches the
 * caller); then the rows are parsed and sent in batches, each only when the caller asks for more (`credit`).
 */
export async function readWorkbook(request: ReadRequest, post: (message: FromReader) => void, credit: () => Promise<void>): Promise<void> {
  try {
    await read(request, post, credit);
  } catch (err) {
    const refusal = err instanceof Refused ? err : new Refused('workbook_unreadable');
    post({ type: 'refused', code: refusal.code, params: refusal.params });
  }
}

async function read(request: ReadRequest, post: (message: FromReader) => void, credit: () => Promise<void>): Promise<void> {
  const { limits } = request;
  const data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
  let zip: Zip;
  try {
    zip = await openZip(data, MAX_ENTRIES);
  } catch (err) {
    throw err instanceof TooManyEntries ? tooLarge(limits) : new Refused('workbook_unreadable');
  }
  const { entries } = zip;
  // A ZIP without a worksheet (a Word document, an archive of photos) is not a workbook: judged by the names alone.
  if (![...entries.keys()].some((name) => WORKSHEET.test(name))) throw new Refused('workbook_no_sheet');
  const book = entries.get('xl/workbook.xml');
  if (!book) throw new Refused('workbook_unreadable');

  let inflated = 0;
  const budget = (bytes: number) => {
    inflated += bytes;
    if (inflated > limits.maxUnzippedBytes) throw tooLarge(limits);
  };
  const inflate = (entry: Entry) => inflateEntry(zip, entry, budget);

  const excel = new ExcelParts();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  await excel.workbook(rels ? inflate(rels) : null, inflate(book));
  const all = excel.sheets().flatMap((s) => {
    const entry = entries.get(s.part);
    return entry ? [{ name: s.name, entry }] : [];
  });
  if (!all.length) throw new Refused('workbook_no_sheet');
  const chosen = request.sheets === 'first' ? all.slice(0, 1) : request.sheets.flatMap((name) => all.filter((s) => s.name === name));
  const shared = entries.get('xl/sharedStrings.xml');
  const styles = entries.get('xl/styles.xml');

  // What the directory declares is checked first: an honest bomb is refused without inflating a byte of it.
  const declared = [shared, styles, ...chosen.map((s) => s.entry)].reduce((sum, e) => sum + (e?.uncompressedSize ?? 0), inflated);
  if (declared > limits.maxUnzippedBytes) throw tooLarge(limits);

  // Then what the sheets really hold, counted as they inflate: a size that lies is caught here.
  const counter = new TagCounter();
  for (const sheet of chosen) {
    for await (const chunk of inflate(sheet.entry)) {
      counter.push(chunk);
      if (counter.rows > limits.maxRows) throw new Refused('workbook_too_many_rows', { limit: limits.maxRows });
      if (counter.cells > limits.maxCells) throw new Refused('workbook_too_many_cells', { limit: limits.maxCells });
    }
  }
  if (shared) await excel.sharedStrings(inflate(shared));
  if (styles) await excel.styles(inflate(styles));
  post({ type: 'ready', sheets: all.map((s) => s.name), read: chosen.map((s) => s.name), rows: counter.rows, cells: counter.cells });

  let batch: WorkbookRow[] = [];
  const send = async () => {
    await credit();
    post({ type: 'rows', rows: batch });
    batch = [];
  };
  for (const sheet of chosen) {
    // Inflated a second time, for parsing: to the size counted the first time, which yauzl holds it to.
    for await (const { row, cells } of excel.rows(inflateEntry(zip, sheet.entry), request.columns)) {
      batch.push({ sheet: sheet.name, row, cells });
      if (batch.length >= BATCH) await send();
    }
  }
  if (batch.length) await send();
  post({ type: 'done' });
}
