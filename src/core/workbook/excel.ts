import path from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/**
 * ExcelJS's streaming reader, fed part by part. Its own `parse()` takes the ZIP in file order, spools sheets that come
 * before the shared strings to temporary files and decodes each chunk of text on its own (a Vietnamese letter split
 * between two chunks comes out garbled); so the parts are handed to its part parsers here, in the order a workbook
 * needs them, as text decoded across chunks. These parsers are ExcelJS 4's (lib/stream/xlsx/workbook-reader.js);
 * the tests beside this file read workbooks written by ExcelJS and hand-made ones through them.
 */
interface ReaderParts {
  workbookRels?: { Id: string; Target: string; Type?: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

/** A cell as the callers read it: formulas by their result, rich text as its text, an error as its code (#N/A). */
export type Cell = string | number | boolean | Date | null;

/** Text of an entry decoded across chunk boundaries. */
export async function* textOf(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const streamOf = (chunks: AsyncIterable<Buffer>) => Readable.from(textOf(chunks));

export function plainCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainCell((value as { result?: ExcelJS.CellValue }).result);
  if ('error' in value) return value.error;
  if ('text' in value) return plainCell(value.text as ExcelJS.CellValue);
  return null;
}

/** Where a relationship's target lies in the ZIP: relative to xl/, or absolute from the package's root. */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : path.posix.normalize(`xl/${target}`));

export class ExcelParts {
  private readonly reader: ReaderParts;

  constructor() {
    const options = { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' } as const;
    // The input is never read: parse() is not called.
    this.reader = new ExcelJS.stream.xlsx.WorkbookReader('', options) as unknown as ReaderParts;
  }

  async workbook(rels: AsyncIterable<Buffer> | null, book: AsyncIterable<Buffer>): Promise<void> {
    if (rels) await this.reader._parseRels(streamOf(rels));
    await this.reader._parseWorkbook(streamOf(book));
  }

  /** The worksheets in the workbook's order, each with the path of its part (chart sheets and dangling ones left out). */
  sheets(): { name: string; part: string }[] {
    const rels = new Map((this.reader.workbookRels ?? []).filter((r) => !r.Type || r.Type.endsWith('/worksheet')).map((r) => [r.Id, r.Target]));
    return (this.reader.model?.sheets ?? []).flatMap((s) => {
      const target = rels.get(s.rId);
      return target ? [{ name: s.name, part: partPath(target) }] : [];
    });
  }

  async sharedStrings(chunks: AsyncIterable<Buffer>): Promise<void> {
    // With sharedStrings 'cache' the parser yields nothing: it fills the table the sheets look up.
    for await (const _ of this.reader._parseSharedStrings(streamOf(chunks)));
  }

  async styles(chunks: AsyncIterable<Buffer>): Promise<void> {
    await this.reader._parseStyles(streamOf(chunks));
  }

  /** The rows of a sheet as they are parsed: number (from the XML, else following the last) and the first `columns` cells. */
  async *rows(chunks: AsyncIterable<Buffer>, columns: number): AsyncGenerator<{ row: number; cells: Cell[] }> {
    const sheet = this.reader._parseWorksheet(textOf(chunks), '0').next().value;
    if (!sheet) return;
    let last = 0;
    for await (const row of sheet.value) {
      last = Number.isFinite(row.number) ? row.number : last + 1;
      const cells: Cell[] = [];
      for (let c = 1; c <= Math.min(columns, row.cellCount); c++) cells.push(plainCell(row.getCell(c).value));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      yield { row: last, cells };
    }
  }
}
