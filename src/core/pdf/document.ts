import { createRequire } from 'node:module';

// A4 documents as officers print and forward them (the scorecard, the briefing): pdfkit with a font for Vietnamese.

/** DejaVu Sans has every Vietnamese letter; PDF's standard fonts have none of the tones. */
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);

export interface PdfDocument {
  doc: PDFKit.PDFDocument;
  /** Numbers every page in its bottom margin and ends the document: its bytes. */
  finish(footer: (page: number, count: number) => string): Promise<Buffer>;
}

/** A new A4 document with the fonts 'regular' and 'bold' registered; pdfkit is loaded with the first document. */
export async function openPdf(options: { title: string; layout?: 'portrait' | 'landscape'; margin?: number }): Promise<PdfDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4', layout: options.layout ?? 'portrait', margin: options.margin ?? 36, bufferPages: true, info: { Title: options.title, Creator: 'Tỉnh Số' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', fontFile('DejaVuSans.ttf'));
  doc.registerFont('bold', fontFile('DejaVuSans-Bold.ttf'));
  return {
    doc,
    finish(footer) {
      const pages = doc.bufferedPageRange();
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      for (let p = 0; p < pages.count; p++) {
        doc.switchToPage(pages.start + p);
        // Written in the bottom margin, which pdfkit would otherwise answer with a new page.
        const margin = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.font('regular').fontSize(7.5).fillColor('#777777')
          .text(footer(p + 1, pages.count), left, doc.page.height - margin + 8, { width, align: 'right', lineBreak: false });
        doc.page.margins.bottom = margin;
      }
      doc.end();
      return done;
    },
  };
}
