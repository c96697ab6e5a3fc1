import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bombWorkbook, manyRows, sheetWorkbook, zipWithoutSheet } from '../../../test/workbooks.js';
import { openWorkbook, readersRunning, type WorkbookLimits, type WorkbookRow } from './index.js';

const limits: WorkbookLimits = { maxUnzippedBytes: 1024 * 1024, maxRows: 1000, maxCells: 5000, workers: 2 };
const first = { sheets: 'first' as const, columns: 10, limits };

const all = async (rows: AsyncIterable<WorkbookRow>) => {
  const out: WorkbookRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
};
const refusal = async (pending: Promise<unknown>) => {
  const err = await pending.then(() => null, (e: { code?: string; status?: number; params?: unknown }) => e);
  return { code: err?.code, status: err?.status, params: err?.params };
};

// A letter of three bytes in UTF-8, so that some fall across the chunks the sheet inflates in.
const LONG = 'Tỉnh Số — sổ tay ghi chép của phường '.repeat(3000);

async function excelWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Ghi chú');
  notes.getCell('A1').value = 'trang đầu';
  const data = wb.addWorksheet('Số liệu');
  data.getRow(1).values = ['Mã', 'Giá trị'];
  data.getRow(2).values = ['CHI_TIEU', 42, true, LONG];
  data.getCell('A3').value = { richText: [{ text: 'Phường ' }, { font: { bold: true }, text: 'Sóc Trăng' }] };
  data.getCell('B3').value = { formula: '40+2', result: 42 };
  data.getCell('C3').value = new Date(Date.UTC(2026, 10, 16));
  data.getCell('C3').numFmt = 'dd/mm/yyyy';
  data.getCell('D3').value = { error: '#N/A' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading a workbook in a reader thread', () => {
  it('gives the rows of the sheets asked for, in that order, with text, numbers, formulas, dates and errors as values', async () => {
    const book = await openWorkbook(await excelWorkbook(), { ...first, sheets: ['Số liệu', 'Không có', 'Ghi chú'] });
    expect(book.sheets).toEqual(['Ghi chú', 'Số liệu']);
    expect(book.read).toEqual(['Số liệu', 'Ghi chú']);
    expect(book.rowCount).toBe(4);
    const rows = await all(book.rows());
    expect(rows.map((r) => [r.sheet, r.row])).toEqual([['Số liệu', 1], ['Số liệu', 2], ['Số liệu', 3], ['Ghi chú', 1]]);
    expect(rows[1]!.cells).toEqual(['CHI_TIEU', 42, true, LONG]);
    expect(rows[2]!.cells).toEqual(['Phường Sóc Trăng', 42, new Date(Date.UTC(2026, 10, 16)), '#N/A']);
    expect(readersRunning()).toBe(0);
  });

  it('reads the first sheet of a hand-made workbook, which has neither shared strings nor styles', async () => {
    const book = await openWorkbook(sheetWorkbook(manyRows(3, 2)), first);
    expect((await all(book.rows())).map((r) => r.cells)).toEqual([[0, 1], [0, 1], [0, 1]]);
  });

  it('refuses what is not a ZIP (400), and a ZIP without a worksheet (400), instead of reading no rows', async () => {
    expect(await refusal(openWorkbook(Buffer.from('không phải bảng tính'), first))).toMatchObject({ code: 'workbook_unreadable', status: 400 });
    expect(await refusal(openWorkbook(Buffer.alloc(0), first))).toMatchObject({ code: 'workbook_unreadable', status: 400 });
    expect(await refusal(openWorkbook(zipWithoutSheet(), first))).toMatchObject({ code: 'workbook_no_sheet', status: 400 });
  });

  it('refuses a zip bomb with 413, whether its directory tells its size or lies about it', async () => {
    expect(await refusal(openWorkbook(bombWorkbook(4 * 1024 * 1024), first))).toMatchObject({ code: 'workbook_too_large', status: 413, params: { limit: '1 MB' } });
    expect(await refusal(openWorkbook(bombWorkbook(4 * 1024 * 1024, { lie: true }), first))).toMatchObject({ code: 'workbook_too_large', status: 413 });
  });

  it('refuses as unreadable (400) a sheet that inflates to other than its directory declares, within the limit', async () => {
    expect(await refusal(openWorkbook(sheetWorkbook(manyRows(100), { declaredSize: 1000 }), first))).toMatchObject({ code: 'workbook_unreadable', status: 400 });
    expect(await refusal(openWorkbook(sheetWorkbook(manyRows(100), { declaredSize: 50_000 }), first))).toMatchObject({ code: 'workbook_unreadable', status: 400 });
  });

  it('refuses more rows or more cells than the limits with 413, before any row is read', async () => {
    expect(await refusal(openWorkbook(sheetWorkbook(manyRows(1001)), first))).toMatchObject({ code: 'workbook_too_many_rows', status: 413, params: { limit: 1000 } });
    expect(await refusal(openWorkbook(sheetWorkbook(manyRows(300, 20)), first))).toMatchObject({ code: 'workbook_too_many_cells', status: 413, params: { limit: 5000 } });
    // Exactly at the limits is allowed.
    const book = await openWorkbook(sheetWorkbook(manyRows(1000, 5)), first);
    expect(book.cellCount).toBe(5000);
    expect((await all(book.rows())).length).toBe(1000);
  });

  it('reads several workbooks at once, never more at a time than the threads allowed, and tells the rest to come back', async () => {
    const one = { ...first, limits: { ...limits, workers: 1 } };
    let most = 0;
    const read = async (data: Buffer) => {
      const book = await openWorkbook(data, one);
      most = Math.max(most, readersRunning());
      return (await all(book.rows())).length;
    };
    const files = [sheetWorkbook(manyRows(900)), sheetWorkbook(manyRows(10)), bombWorkbook(2 * 1024 * 1024), sheetWorkbook(manyRows(20)), sheetWorkbook(manyRows(30))];
    const answers = await Promise.allSettled([...files, sheetWorkbook(manyRows(40))].map(read));
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as { code: string }).code)))
      .toEqual([900, 10, 'workbook_too_large', 20, 30, 'workbook_busy']);
    expect(most).toBe(1);
    expect(readersRunning()).toBe(0);
  });

  it('ends the reading when its rows are left, or closed before they are taken', async () => {
    const book = await openWorkbook(sheetWorkbook(manyRows(5000, 1)), { ...first, limits: { ...limits, maxRows: 10_000 } });
    for await (const row of book.rows()) {
      expect(row.row).toBe(1);
      break;
    }
    const closed = await openWorkbook(sheetWorkbook(manyRows(10)), first);
    closed.close();
    await expect.poll(() => readersRunning()).toBe(0);
  });
});
