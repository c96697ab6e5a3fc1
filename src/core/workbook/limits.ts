/** What a workbook upload may hold, and how many are read at once (the server's settings, `TINHSO_XLSX_*`). */
export interface WorkbookLimits {
  /** Bytes inflated from the parts read (sheets, shared strings, styles), counted as they inflate. */
  maxUnzippedBytes: number;
  /** Rows of the sheets read, counted before a row is parsed. */
  maxRows: number;
  /** Cells of the sheets read, counted with the rows. */
  maxCells: number;
  /** Workbooks read at the same time, each in a worker thread of its own; more wait their turn. */
  workers: number;
}

/** No workbook has this many parts; a directory claiming more is refused before it is read. */
export const MAX_ENTRIES = 10_000;

/** The refusals a reader answers with: the error codes of src/server/error-codes. */
export type WorkbookRefusal = 'workbook_unreadable' | 'workbook_no_sheet' | 'workbook_too_large' | 'workbook_too_many_rows' | 'workbook_too_many_cells';

export class Refused extends Error {
  constructor(readonly code: WorkbookRefusal, readonly params: Record<string, string | number> = {}) {
    super(code);
  }
}

/** A size as people read it: 256 MB, or 64 KB under a megabyte (limits set small, as in tests). */
export const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);

export const tooLarge = (limits: WorkbookLimits) => new Refused('workbook_too_large', { limit: sizeText(limits.maxUnzippedBytes) });
