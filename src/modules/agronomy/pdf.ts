import { dayMonthYear, vnDate } from '../../core/calendar/index.js';
import { openPdf } from '../../core/pdf/index.js';
import type { Locale } from '../../db/schema.js';
import type { Db } from '../../db/database.js';
import { readBulletin } from './bulletin-views.js';
import type { BulletinView } from './schema.js';
import { solarAndLunar } from './wording.js';

// The sowing bulletin as a commune pins it up or a cooperative forwards it: one A4 page, the windows per commune in
// solar and lunar dates, the peak each avoids, the officer's advice, who approved it.

const WORDS = {
  vi: {
    unit: 'Đơn vị ban hành', season: 'Vụ', commune: 'Xã, phường', round: 'Đợt', window: 'Khung lịch xuống giống', peak: 'Rầy di trú cao điểm dự kiến',
    advice: 'Khuyến cáo', approved: 'Duyệt ngày', published: 'Công bố ngày', draft: 'BẢN NHÁP — chưa được duyệt', page: 'Trang', of: '/',
    basis: 'Dự báo từ số liệu bẫy đèn: khoảng cách giữa các đợt rầy cao điểm {days} ngày ({from}).', traps: 'theo bẫy đèn', settings: 'theo cấu hình',
  },
  en: {
    unit: 'Issued by', season: 'Season', commune: 'Commune', round: 'Round', window: 'Sowing window', peak: 'Expected migration peak',
    advice: 'Advice', approved: 'Approved on', published: 'Published on', draft: 'DRAFT — not approved', page: 'Page', of: ' of ',
    basis: 'Forecast from the light traps: {days} days between planthopper peaks ({from}).', traps: 'from the traps', settings: 'from the settings',
  },
} as const;

export async function bulletinPdf(bulletin: BulletinView, locale: Locale): Promise<Buffer> {
  const w = WORDS[locale];
  const { doc, finish } = await openPdf({ title: bulletin.title });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(15).fillColor('#1a4d2e').text(bulletin.title, left, doc.page.margins.top, { width });
  doc.moveDown(0.3).font('regular').fontSize(9).fillColor('#555555').text(`${w.unit}: ${bulletin.unit.name} · ${w.season}: ${bulletin.season}`, { width });
  if (bulletin.status !== 'published') doc.moveDown(0.3).font('bold').fontSize(10).fillColor('#b00020').text(w.draft, { width });
  doc.moveDown(0.8);

  const columns = [{ label: w.commune, width: 130 }, { label: w.round, width: 40 }, { label: w.window, width: width - 300 }, { label: w.peak, width: 130 }];
  const xs = columns.map((_, i) => left + columns.slice(0, i).reduce((s, c) => s + c.width, 0));
  const row = (cells: string[], font: 'regular' | 'bold', colour: string) => {
    doc.font(font).fontSize(9);
    const height = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: columns[i]!.width - 6 })), 10) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom - 14) doc.addPage();
    const y = doc.y;
    cells.forEach((t, i) => doc.fillColor(colour).text(t, xs[i]!, y, { width: columns[i]!.width - 6 }));
    doc.moveTo(left, y + height - 2).lineTo(left + width, y + height - 2).lineWidth(0.25).strokeColor('#cccccc').stroke();
    doc.x = left;
    doc.y = y + height;
  };
  row(columns.map((c) => c.label), 'bold', '#555555');
  for (const win of bulletin.windows) {
    row([win.unit.name, String(win.round), `${solarAndLunar(win.from, locale)} – ${solarAndLunar(win.to, locale)}`, solarAndLunar(win.peak, locale)], 'regular', '#111111');
  }
  const areas = Object.values((bulletin.forecast.areas ?? {}) as Record<string, { intervalDays?: number; intervalFrom?: string }>);
  if (areas[0]?.intervalDays) {
    doc.moveDown(0.6).font('regular').fontSize(8.5).fillColor('#555555')
      .text(w.basis.replace('{days}', String(areas[0].intervalDays)).replace('{from}', areas[0].intervalFrom === 'traps' ? w.traps : w.settings), left, doc.y, { width });
  }
  if (bulletin.advice) {
    doc.moveDown(0.8).font('bold').fontSize(11).fillColor('#1a4d2e').text(w.advice, left, doc.y, { width });
    doc.moveDown(0.2).font('regular').fontSize(9.5).fillColor('#111111').text(bulletin.advice, { width });
  }
  doc.moveDown(1).font('regular').fontSize(8.5).fillColor('#555555');
  // Dates only: the PDF goes to the public, and login names are not theirs to read.
  if (bulletin.approvedAt) doc.text(`${w.approved}: ${dayMonthYear(vnDate(bulletin.approvedAt))}`, left, doc.y, { width });
  if (bulletin.publishedAt) doc.text(`${w.published}: ${dayMonthYear(vnDate(bulletin.publishedAt))}`, left, doc.y, { width });
  return finish((page, count) => `Tỉnh Số · ${bulletin.title} · ${w.page} ${page}${w.of}${count}`);
}

/** A bulletin's PDF in one language, named by its title; `publishedOnly` for the public's copy. */
export async function bulletinFile(db: Db, id: number, locale: Locale, publishedOnly: boolean): Promise<{ name: string; body: Buffer }> {
  const bulletin = await readBulletin(db, id, publishedOnly);
  return { name: `${bulletin.title.replace(/[/\\]/g, '-')}.pdf`, body: await bulletinPdf(bulletin, locale) };
}
