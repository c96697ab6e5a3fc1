import { dayMonthYear } from '../../core/calendar/index.js';
import { loadExcel } from '../../core/data/index.js';
import { cellText, openWorkbook, type WorkbookLimits } from '../../core/workbook/index.js';
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
  data.getCell('C3').value = `Kỳ ${r.period} · hạn ${dayMonthYear(r.dueDate)}`;
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

/** Problems named in an answer: enough to mend a workbook by, never a list as long as a sheet of junk. */
export const MAX_PROBLEMS = 200;

export interface WorkbookReadBack {
  values: Record<string, number | null>;
  narrative: Record<string, string>;
  /** The first MAX_PROBLEMS problems; problemCount counts them all. */
  problems: CellProblem[];
  problemCount: number;
}

/**
 * Reads a filled workbook back, within the workbook limits and off the event loop (core/workbook): every value cell
 * is checked, and every problem is named by its sheet and cell. Formulas are read by their computed result (as Excel
 * and LibreOffice save it). A file that is no workbook, or over a limit, is refused with its own error.
 */
export async function readReportWorkbook(buffer: Buffer, reportId: number, form: FormDefinition, limits: WorkbookLimits): Promise<WorkbookReadBack> {
  const book = await openWorkbook(buffer, { sheets: [DATA_SHEET, TEXT_SHEET], columns: 4, limits, field: 'file' });
  try {
    if (!book.read.includes(DATA_SHEET)) {
      return { values: {}, narrative: {}, problems: [{ sheet: DATA_SHEET, cell: '', vi: `Không có trang "${DATA_SHEET}"`, en: `No sheet "${DATA_SHEET}"` }], problemCount: 1 };
    }
    const keys = new Set(form.sections.flatMap((s) => (s.kind === 'data' ? s.items.map(itemKey) : [])));
    const sections = new Set(form.sections.filter((s) => s.kind === 'narrative').map((s) => s.code));
    const values: Record<string, number | null> = {};
    const narrative: Record<string, string> = {};
    const problems: CellProblem[] = [];
    let problemCount = 0;
    const problem = (p: CellProblem) => {
      problemCount++;
      if (problems.length < MAX_PROBLEMS) problems.push(p);
    };
    let idText = '';
    for await (const { sheet, row: n, cells } of book.rows()) {
      if (sheet === TEXT_SHEET) {
        const code = n === 1 ? '' : cellText(cells[0]).trim();
        if (!code) continue;
        if (!sections.has(code)) problem({ sheet: TEXT_SHEET, cell: `A${n}`, vi: `${code} không phải là một phần của đề cương`, en: `${code} is not a section of the outline` });
        else narrative[code] = cellText(cells[2]);
        continue;
      }
      if (n === 3) idText = cellText(cells[1]);
      const key = n < FIRST_ROW ? '' : cellText(cells[0]).trim();
      if (!key) continue;
      if (!keys.has(key)) {
        problem({ sheet: DATA_SHEET, cell: `A${n}`, vi: `${key} không có trong biểu mẫu`, en: `${key} is not on the form` });
        continue;
      }
      const raw = cells[3] ?? null;
      const textValue = cellText(raw).trim();
      if (textValue === '') {
        values[key] = null;
        continue;
      }
      const number = typeof raw === 'number' ? raw : Number(textValue.replace(/\s/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.'));
      if (!Number.isFinite(number)) problem({ sheet: DATA_SHEET, cell: `D${n}`, vi: `"${textValue}" không phải là số`, en: `"${textValue}" is not a number` });
      else values[key] = number;
    }
    // The report's id comes first among the problems: a workbook of another report is that, before anything else.
    if (Number(idText) !== reportId) {
      problems.unshift({ sheet: DATA_SHEET, cell: 'B3', vi: `Tệp thuộc báo cáo khác (mã ${idText || 'trống'})`, en: 'The workbook belongs to another report' });
      problems.length = Math.min(problems.length, MAX_PROBLEMS);
      problemCount++;
    }
    return { values, narrative, problems, problemCount };
  } finally {
    book.close();
  }
}
