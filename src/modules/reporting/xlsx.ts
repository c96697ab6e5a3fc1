import type ExcelJS from 'exceljs';
import { loadExcel } from '../../core/data/index.js';
import type { FormDefinition } from './forms.js';
import { itemKey } from './forms.js';

/**
 * The Excel form of a report: sheet "Số liệu" lists the form's items (key in column A, name, unit, value in column
 * D), sheet "Thuyết minh" the narrative sections (code in column A, text in column C). The report's id is in B3 so
 * that a workbook cannot be loaded into another report.
 */
export const DATA_SHEET = 'Số liệu';
export const TEXT_SHEET = 'Thuyết minh';
const FIRST_ROW = 6;

export interface WorkbookReport {
  id: number;
  regime: string;
  unit: string;
  period: string;
  dueDate: string;
  form: FormDefinition;
  elements: Record<string, { nameVi: string; unit: string | null }>;
  cocs?: Record<string, { nameVi: string }>;
  values: Record<string, number | null>;
  narrative: Record<string, string>;
}

export async function reportWorkbook(r: WorkbookReport): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Tỉnh Số';
  const data = wb.addWorksheet(DATA_SHEET);
  data.columns = [{ width: 28 }, { width: 60 }, { width: 14 }, { width: 16 }];
  data.getCell('A1').value = r.regime;
  data.getCell('A1').font = { bold: true, size: 13 };
  data.getCell('A2').value = 'Đơn vị';
  data.getCell('B2').value = r.unit;
  data.getCell('A3').value = 'Mã báo cáo';
  data.getCell('B3').value = r.id;
  data.getCell('C3').value = `Kỳ ${r.period} · hạn ${r.dueDate}`;
  data.getRow(FIRST_ROW - 1).values = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu'];
  data.getRow(FIRST_ROW - 1).font = { bold: true };
  let row = FIRST_ROW;
  for (const section of r.form.sections) {
    if (section.kind !== 'data') continue;
    data.getCell(`B${row}`).value = section.titleVi;
    data.getCell(`B${row}`).font = { italic: true };
    row++;
    for (const item of section.items) {
      const key = itemKey(item);
      const e = r.elements[item.element];
      const part = item.coc && r.cocs?.[item.coc] ? ` — ${r.cocs[item.coc]!.nameVi}` : '';
      data.getRow(row).values = [key, `${e?.nameVi ?? item.element}${part}${item.required ? ' (*)' : ''}`, e?.unit ?? '', r.values[key] ?? null];
      data.getCell(`D${row}`).numFmt = '#,##0.##';
      data.getCell(`D${row}`).protection = { locked: false };
      row++;
    }
  }
  const text = wb.addWorksheet(TEXT_SHEET);
  text.columns = [{ width: 14 }, { width: 40 }, { width: 100 }];
  text.getRow(1).values = ['Mã phần', 'Phần', 'Nội dung'];
  text.getRow(1).font = { bold: true };
  let t = 2;
  for (const section of r.form.sections) {
    if (section.kind !== 'narrative') continue;
    text.getRow(t).values = [section.code, section.titleVi, r.narrative[section.code] ?? ''];
    text.getCell(`C${t}`).alignment = { wrapText: true, vertical: 'top' };
    t++;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface CellProblem { sheet: string; cell: string; vi: string; en: string }

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return v instanceof Date ? v.toISOString() : String(v);
};

/**
 * Reads a filled workbook back: every value cell is checked, and every problem is named by its sheet and cell.
 * Formulas are read by their computed result (as Excel and LibreOffice save it).
 */
export async function readReportWorkbook(buffer: Buffer, reportId: number, form: FormDefinition): Promise<{ values: Record<string, number | null>; narrative: Record<string, string>; problems: CellProblem[] }> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { values: {}, narrative: {}, problems: [{ sheet: '', cell: '', vi: 'Tệp không phải là sổ tính Excel (.xlsx)', en: 'The file is not an Excel workbook (.xlsx)' }] };
  }
  const problems: CellProblem[] = [];
  const data = wb.getWorksheet(DATA_SHEET);
  if (!data) return { values: {}, narrative: {}, problems: [{ sheet: DATA_SHEET, cell: '', vi: `Không có trang "${DATA_SHEET}"`, en: `No sheet "${DATA_SHEET}"` }] };
  const id = Number(cellText(data.getCell('B3').value));
  if (id !== reportId) problems.push({ sheet: DATA_SHEET, cell: 'B3', vi: `Tệp thuộc báo cáo khác (mã ${cellText(data.getCell('B3').value) || 'trống'})`, en: 'The workbook belongs to another report' });
  const keys = new Set(form.sections.flatMap((s) => (s.kind === 'data' ? s.items.map(itemKey) : [])));
  const values: Record<string, number | null> = {};
  data.eachRow((row, n) => {
    if (n < FIRST_ROW) return;
    const key = cellText(row.getCell(1).value).trim();
    if (!key) return;
    if (!keys.has(key)) {
      problems.push({ sheet: DATA_SHEET, cell: `A${n}`, vi: `${key} không có trong biểu mẫu`, en: `${key} is not on the form` });
      return;
    }
    const raw = row.getCell(4).value;
    const textValue = cellText(raw).trim();
    if (textValue === '') {
      values[key] = null;
      return;
    }
    const number = typeof raw === 'number' ? raw : Number(textValue.replace(/\s/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.'));
    if (!Number.isFinite(number)) problems.push({ sheet: DATA_SHEET, cell: `D${n}`, vi: `"${textValue}" không phải là số`, en: `"${textValue}" is not a number` });
    else values[key] = number;
  });
  const narrative: Record<string, string> = {};
  const sections = new Set(form.sections.filter((s) => s.kind === 'narrative').map((s) => s.code));
  wb.getWorksheet(TEXT_SHEET)?.eachRow((row, n) => {
    if (n === 1) return;
    const code = cellText(row.getCell(1).value).trim();
    if (!code) return;
    if (!sections.has(code)) problems.push({ sheet: TEXT_SHEET, cell: `A${n}`, vi: `${code} không phải là một phần của đề cương`, en: `${code} is not a section of the outline` });
    else narrative[code] = cellText(row.getCell(3).value);
  });
  return { values, narrative, problems };
}
