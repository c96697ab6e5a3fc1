import QRCode from 'qrcode';
import { openPdf } from '../../core/pdf/index.js';

// QR labels whose content is the item's or lot's GS1 Digital Link URI: PNG for screens and printers, SVG for
// designers, A4 sheets of labels as PDF. Error correction M (15 %): a label survives a scratch and stays small.

const OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

export const qrPng = (uri: string, width = 512): Promise<Buffer> => QRCode.toBuffer(uri, { ...OPTIONS, type: 'png', width });
export const qrSvg = (uri: string): Promise<string> => QRCode.toString(uri, { ...OPTIONS, type: 'svg' });

export interface Label { uri: string; title: string; lines: string[] }

/**
 * An A4 sheet (or several) of labels in a grid — `columns` × `rows` per page, 10 mm margins — each a QR code of its
 * URI with the product's name and its lines (GTIN, lot, dates) under it, and the URI in small type for a reader
 * without a camera.
 */
export async function labelSheet(labels: Label[], options: { title: string; columns?: number; rows?: number }): Promise<Buffer> {
  const columns = options.columns ?? 3;
  const rows = options.rows ?? 6;
  const margin = 28.35; // 10 mm
  const { doc, finish } = await openPdf({ title: options.title, margin });
  const cellW = (doc.page.width - 2 * margin) / columns;
  const cellH = (doc.page.height - 2 * margin - 14) / rows;
  const qr = Math.min(cellW * 0.42, cellH - 16);
  for (const [i, label] of labels.entries()) {
    const slot = i % (columns * rows);
    if (i > 0 && slot === 0) doc.addPage();
    const x = margin + (slot % columns) * cellW;
    const y = margin + Math.floor(slot / columns) * cellH;
    doc.rect(x + 2, y + 2, cellW - 4, cellH - 4).lineWidth(0.3).dash(2, { space: 2 }).strokeColor('#999999').stroke().undash();
    doc.image(await qrPng(label.uri, 300), x + 6, y + 6, { width: qr, height: qr });
    const tx = x + qr + 10;
    const tw = cellW - qr - 16;
    doc.font('bold').fontSize(8).fillColor('#111111').text(label.title, tx, y + 8, { width: tw, height: qr * 0.45, ellipsis: true });
    doc.font('regular').fontSize(6.5).fillColor('#333333');
    for (const line of label.lines) doc.text(line, tx, doc.y + 1, { width: tw, lineBreak: false, ellipsis: true });
    doc.font('regular').fontSize(5).fillColor('#666666').text(label.uri, x + 6, y + qr + 8, { width: cellW - 12, lineBreak: false, ellipsis: true });
  }
  return finish((page, count) => `Tỉnh Số · ${options.title} · ${page}/${count}`);
}
