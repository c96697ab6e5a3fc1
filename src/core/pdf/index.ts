// PDF documents: A4 with a font that writes Vietnamese, page numbers in the footer. Used by the scorecard and the briefing.
// The public surface: other modules import this file only (see docs/architecture.md).
export { openPdf } from './document.js';
export type { PdfDocument } from './document.js';
