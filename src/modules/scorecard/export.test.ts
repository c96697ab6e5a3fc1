import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let leader: Session;

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.login('lanhdao');
});
afterAll(() => t?.close());

const download = (s: Session, query: string) => s.request({ method: 'GET', url: `/api/scorecard/export?${query}` });

async function pdfText(body: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  return extractText(pdf, { mergePages: true });
}

describe('the scorecard to forward and print', () => {
  it('a workbook with every indicator, its figures, status, yearly series and source, in Vietnamese', async () => {
    const res = await download(leader, 'format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="chi-tieu-NQ07-92-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Chỉ tiêu')!;
    expect(sheet.getCell('A1').value).toBe('Chỉ tiêu Nghị quyết 07-NQ/TU về chuyển đổi số — Thành phố Cần Thơ');
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 11)).toEqual(['Trụ cột', 'Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Năm số liệu', 'Giá trị', 'Năm chỉ tiêu', 'Chỉ tiêu đặt ra', 'Dự báo năm chỉ tiêu', 'Tình trạng', 'Xếp hạng']);
    expect(header.at(-1)).toBe('Nguồn');
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 4) rows.set(String(row.getCell(2).value), (row.values as unknown[]).slice(1));
    });
    const regimes = rows.get('NQ07_REPORT_REGIMES')!;
    expect(regimes.slice(0, 10)).toEqual(['Chính quyền số', 'NQ07_REPORT_REGIMES', expect.stringContaining('Chế độ báo cáo'), '%', 2023, 30.77, 2025, 100, undefined, 'Có nguy cơ']); // one figure: no trend to project
    expect(regimes[header.indexOf('2023')]).toBe(30.77); // the yearly series, one column per year
    expect(rows.get('NQ07_HH_FIBRE')![9]).toBe('Đã đạt');
    expect(rows.get('NQ07_OFFICIALS_TRAINED')![9]).toBe('Chưa có chỉ tiêu');
    expect(String(regimes.at(-1))).toContain('chỉ tiêu của Tỉnh Sóc Trăng (đơn vị tiền nhiệm)'); // Cần Thơ has no target of its own
  });

  it('a CSV that Excel opens with its Vietnamese letters intact, and in English for an English reader', async () => {
    const vi = await download(leader, 'format=csv');
    expect(vi.headers['content-type']).toContain('text/csv');
    expect(vi.body.startsWith('\uFEFFTrụ cột,Mã,Chỉ tiêu,')).toBe(true);
    expect(vi.body).toContain('Kinh tế số,NQ07_DIGITAL_ECONOMY,');
    await t.database.db.updateTable('app_user').set({ locale: 'en' }).where('username', '=', 'lanhdao').execute();
    try {
      const en = await download(leader, 'format=csv');
      expect(en.body.startsWith('\uFEFFPillar,Code,Indicator,')).toBe(true);
      expect(en.body).toMatch(/Digital government,NQ07_HH_FIBRE|Digital society,NQ07_HH_FIBRE/);
      expect(en.body).toContain(',Achieved,');
    } finally {
      await t.database.db.updateTable('app_user').set({ locale: 'vi' }).where('username', '=', 'lanhdao').execute();
    }
  });

  it('an A4 PDF whose text can be read and searched: title, pillars, figures, statuses and page numbers', async () => {
    const res = await download(leader, 'format=pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { totalPages, text } = await pdfText(res.rawPayload);
    expect(totalPages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Chỉ tiêu Nghị quyết 07-NQ/TU về chuyển đổi số — Thành phố Cần Thơ');
    for (const pillar of ['Chính quyền số', 'Kinh tế số', 'Xã hội số', 'Nền tảng']) expect(text).toContain(pillar);
    expect(text).toContain('30,77 (2023)'); // Vietnamese decimal comma
    expect(text).toContain('Có nguy cơ');
    expect(text).toContain(`Trang 1/${totalPages}`);
    // Downloaded from a screen shown in English: the file follows the screen.
    const english = (await pdfText((await download(leader, 'format=pdf&lang=en')).rawPayload)).text;
    expect(english).toContain('Resolution 07-NQ/TU digital transformation targets — Thành phố Cần Thơ');
    expect(english).toContain('30.77 (2023)');
    expect(english).toContain('At risk');
  });

  it('follows the drill-down: a district with its rank among its siblings, and the DTI page', async () => {
    const district = await unitId(t, '941', '2024-12-31');
    const res = await download(leader, `format=csv&unitId=${district}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('chi-tieu-NQ07-941-');
    expect(res.body.split('\n')[0]).toContain('Xếp hạng');
    const dti = await download(leader, 'format=pdf&framework=DTI');
    expect((await pdfText(dti.rawPayload)).text).toContain('Chỉ số chuyển đổi số cấp tỉnh (DTI) — Thành phố Cần Thơ');
  });

  it('refuses an unknown format or unit clearly, and anyone not signed in', async () => {
    const format = await download(leader, 'format=docx');
    expect(format.statusCode).toBe(400);
    expect(format.json().error.field).toBe('querystring.format');
    expect((await download(leader, 'format=pdf&unitId=99999999')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/scorecard/export?format=pdf' })).statusCode).toBe(401);
  });
});
