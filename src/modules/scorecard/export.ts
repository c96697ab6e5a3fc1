import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { loadExcel } from '../../core/data/index.js';
import type { Locale } from '../../db/schema.js';
import type { Card } from './schema.js';
import type { Status } from './status.js';

/**
 * The scorecard as officers forward and leaders print it: a workbook and a CSV with every indicator's figures and
 * yearly series, and an A4 PDF with a status and a sparkline per indicator. Words follow the reader's language.
 */
export type { Card };

export const WORDS = {
  vi: {
    title: { NQ07: 'Chỉ tiêu Nghị quyết 07-NQ/TU về chuyển đổi số', DTI: 'Chỉ số chuyển đổi số cấp tỉnh (DTI)' },
    exported: 'Xuất ngày', page: 'Trang', of: '/',
    pillar: 'Trụ cột', code: 'Mã', indicator: 'Chỉ tiêu', unit: 'Đơn vị tính', latestYear: 'Năm số liệu', latest: 'Giá trị',
    targetYear: 'Năm chỉ tiêu', target: 'Chỉ tiêu đặt ra', projected: 'Dự báo năm chỉ tiêu', status: 'Tình trạng', rank: 'Xếp hạng', source: 'Nguồn', trend: 'Diễn biến', inherited: 'chỉ tiêu của {unit} (đơn vị tiền nhiệm)',
    pillars: { government: 'Chính quyền số', economy: 'Kinh tế số', society: 'Xã hội số', foundations: 'Nền tảng' },
    statuses: { achieved: 'Đã đạt', on_track: 'Đúng tiến độ', at_risk: 'Có nguy cơ', off_track: 'Chậm tiến độ', no_target: 'Chưa có chỉ tiêu', no_data: 'Chưa có số liệu' },
    note: 'Tình trạng theo đường xu hướng của số liệu các năm, kéo đến năm chỉ tiêu. Nguồn từng số liệu ghi trong cột Nguồn của tệp Excel.',
  },
  en: {
    title: { NQ07: 'Resolution 07-NQ/TU digital transformation targets', DTI: 'Provincial digital transformation index (DTI)' },
    exported: 'Exported', page: 'Page', of: '/',
    pillar: 'Pillar', code: 'Code', indicator: 'Indicator', unit: 'Unit', latestYear: 'Year', latest: 'Value',
    targetYear: 'Target year', target: 'Target', projected: 'Projected for the target year', status: 'Status', rank: 'Rank', source: 'Source', trend: 'Trend', inherited: 'target of {unit} (predecessor)',
    pillars: { government: 'Digital government', economy: 'Digital economy', society: 'Digital society', foundations: 'Foundations' },
    statuses: { achieved: 'Achieved', on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', no_target: 'No target', no_data: 'No data' },
    note: "Status from the trend line of the yearly figures, extended to the target year. Each figure's source is in the Source column of the workbook.",
  },
} as const;

export const STATUS_COLOUR: Record<Status, string> = {
  achieved: '#1e7b34', on_track: '#2b6cb0', at_risk: '#b7791f', off_track: '#c53030', no_target: '#555555', no_data: '#888888',
};

export type Item = Card['pillars'][number]['indicators'][number];

const round = (value: number | null | undefined, decimals: number) => (value === null || value === undefined ? null : Number(value.toFixed(decimals)));
export const formatNumber = (value: number | null | undefined, decimals: number, locale: Locale) =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: decimals }).format(value);

/** One row per indicator: the same columns in the workbook and the CSV. */
function table(card: Card, locale: Locale) {
  const w = WORDS[locale];
  const header = [w.pillar, w.code, w.indicator, w.unit, w.latestYear, w.latest, w.targetYear, w.target, w.projected, w.status, w.rank, ...card.years.map(String), w.source];
  const rows = card.pillars.flatMap((p) => p.indicators.map((i: Item) => [
    w.pillars[p.pillar], i.code, locale === 'vi' ? i.nameVi : i.nameEn, (locale === 'vi' ? i.unitLabel : i.unitLabelEn) ?? '', i.latest?.year ?? null, round(i.latest?.value, i.decimals),
    i.target?.year ?? null, i.target?.value ?? null, round(i.projected, i.decimals), w.statuses[i.status], i.rank ? `${i.rank.position}/${i.rank.of}` : '',
    ...i.series.map((v) => round(v, i.decimals)),
    [i.source ?? '', i.target?.fromUnit ? w.inherited.replace('{unit}', i.target.fromUnit.name) : ''].filter(Boolean).join('; '),
  ]));
  return { header, rows };
}

export const fileTitle = (card: Card, locale: Locale) => `${WORDS[locale].title[card.framework as 'NQ07' | 'DTI']} — ${card.unit.name}`;

/** A spreadsheet opened by Excel: a UTF-8 byte-order mark, or Vietnamese letters arrive garbled. */
export function scorecardCsv(card: Card, locale: Locale): string {
  const { header, rows } = table(card, locale);
  return `\uFEFF${stringifyCsv([header, ...rows.map((r) => r.map((v) => v ?? ''))])}`;
}

export async function scorecardXlsx(card: Card, locale: Locale, exportedOn: string): Promise<Buffer> {
  const w = WORDS[locale];
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Tỉnh Số';
  const sheet = workbook.addWorksheet(locale === 'vi' ? 'Chỉ tiêu' : 'Scorecard', { views: [{ state: 'frozen', xSplit: 3, ySplit: 4 }] });
  sheet.getCell('A1').value = fileTitle(card, locale);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = `${w.exported} ${exportedOn}. ${w.note}`;
  sheet.getCell('A2').font = { italic: true, color: { argb: 'FF555555' } };
  const { header, rows } = table(card, locale);
  sheet.getRow(4).values = header;
  sheet.getRow(4).font = { bold: true };
  sheet.getRow(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  const statuses = card.pillars.flatMap((p) => p.indicators.map((i) => i.status));
  rows.forEach((r, k) => {
    const row = sheet.getRow(5 + k);
    row.values = r;
    row.getCell(10).font = { bold: true, color: { argb: `FF${STATUS_COLOUR[statuses[k]!].slice(1)}` } };
  });
  sheet.columns.forEach((c, i) => (c.width = i === 2 ? 60 : i === header.length - 1 ? 50 : i === 0 ? 18 : 12));
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4 + rows.length, column: header.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
