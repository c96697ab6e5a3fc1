import { openPdf } from '../../core/pdf/index.js';
import type { Locale } from '../../db/schema.js';
import { fileTitle, formatNumber, STATUS_COLOUR, WORDS, type Card, type Item } from './export.js';

// The scorecard as leaders print it: an A4 landscape PDF with a status and a sparkline per indicator.

export async function scorecardPdf(card: Card, locale: Locale, exportedOn: string): Promise<Buffer> {
  const w = WORDS[locale];
  const { doc, finish } = await openPdf({ title: fileTitle(card, locale), layout: 'landscape' });

  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom - 14;
  // Columns: indicator, latest (year), target (year), status, rank, sparkline.
  const cols = [{ x: left, w: 320 }, { x: left + 330, w: 95 }, { x: left + 430, w: 95 }, { x: left + 530, w: 85 }, { x: left + 620, w: 55 }, { x: left + 685, w: right - left - 685 }];
  const headerRow = (y: number) => {
    doc.font('bold').fontSize(8).fillColor('#555555');
    [w.indicator, w.latest, w.target, w.status, w.rank, w.trend].forEach((text, i) => doc.text(text, cols[i]!.x, y, { width: cols[i]!.w }));
    doc.moveTo(left, y + 12).lineTo(right, y + 12).lineWidth(0.5).strokeColor('#999999').stroke();
    return y + 16;
  };

  doc.font('bold').fontSize(15).fillColor('#1a365d').text(fileTitle(card, locale), left, 36, { width: right - left });
  doc.font('regular').fontSize(8.5).fillColor('#555555').text(`${w.exported} ${exportedOn}. ${w.note}`, { width: right - left });
  let y = doc.y + 10;
  for (const pillar of card.pillars) {
    if (y > bottom - 60) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    doc.font('bold').fontSize(11).fillColor('#1a365d').text(w.pillars[pillar.pillar], left, y);
    y = headerRow(doc.y + 4);
    for (const i of pillar.indicators) {
      const name = `${locale === 'vi' ? i.nameVi : i.nameEn}${i.unitLabel ? ` (${locale === 'vi' ? i.unitLabel : i.unitLabelEn})` : ''}`;
      doc.font('regular').fontSize(8.5);
      const height = Math.max(doc.heightOfString(name, { width: cols[0]!.w }), 16) + 5;
      if (y + height > bottom) {
        doc.addPage();
        y = headerRow(doc.page.margins.top);
        doc.font('regular').fontSize(8.5);
      }
      doc.fillColor('#111111').text(name, cols[0]!.x, y, { width: cols[0]!.w });
      doc.fillColor('#111111').text(i.latest ? `${formatNumber(i.latest.value, i.decimals, locale)} (${i.latest.year})` : w.statuses.no_data, cols[1]!.x, y, { width: cols[1]!.w });
      doc.text(i.target ? `${formatNumber(i.target.value, i.decimals, locale)} (${i.target.year})` : '—', cols[2]!.x, y, { width: cols[2]!.w });
      doc.font('bold').fillColor(STATUS_COLOUR[i.status]).text(w.statuses[i.status], cols[3]!.x, y, { width: cols[3]!.w });
      doc.font('regular').fillColor('#111111').text(i.rank ? `${i.rank.position}/${i.rank.of}` : '—', cols[4]!.x, y, { width: cols[4]!.w });
      sparkline(doc, i, card.years, cols[5]!.x, y, cols[5]!.w, 13);
      y += height;
      doc.moveTo(left, y - 3).lineTo(right, y - 3).lineWidth(0.25).strokeColor('#dddddd').stroke();
    }
    y += 8;
  }
  return finish((page, count) => `Tỉnh Số · ${card.unit.name} · ${w.page} ${page}${w.of}${count}`);
}

/**
 * The yearly values as a line from the first year with a figure to the target year, the target as a dashed level
 * and as a hollow point at its year: how far the line still has to go, in the status colour.
 */
function sparkline(doc: PDFKit.PDFDocument, i: Item, years: number[], x: number, y: number, width: number, height: number): void {
  const points = years.flatMap((year, k) => (i.series[k] === null || i.series[k] === undefined ? [] : [{ year, v: i.series[k]! }]));
  if (!points.length) return;
  const first = points[0]!.year;
  const last = Math.max(points.at(-1)!.year, i.target?.year ?? 0);
  const levels = [...points.map((p) => p.v), ...(i.target ? [i.target.value] : [])];
  const low = Math.min(...levels);
  const span = Math.max(...levels) - low || 1;
  const at = (year: number) => x + (last > first ? ((year - first) / (last - first)) * width : width / 2);
  const level = (v: number) => y + height - ((v - low) / span) * height;
  const colour = STATUS_COLOUR[i.status];
  if (i.target) {
    doc.moveTo(x, level(i.target.value)).lineTo(x + width, level(i.target.value)).dash(2, { space: 2 }).lineWidth(0.5).strokeColor('#e69138').stroke().undash();
    doc.circle(at(i.target.year), level(i.target.value), 2).lineWidth(0.8).strokeColor('#e69138').stroke();
  }
  doc.lineWidth(1.2).strokeColor(colour);
  points.forEach((p, n) => (n === 0 ? doc.moveTo(at(p.year), level(p.v)) : doc.lineTo(at(p.year), level(p.v))));
  if (points.length > 1) doc.stroke();
  for (const p of points) doc.circle(at(p.year), level(p.v), 1.4).fillColor(colour).fill();
}
