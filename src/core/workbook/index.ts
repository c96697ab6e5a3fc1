// Reading workbook uploads (XLSX) without stalling or exhausting the server: in worker threads, streaming, with limits
// on what they inflate to, their rows and their cells. Used by the data exchange and by reporting.
// The public surface: other modules import this file only (see docs/architecture.md).
export { openWorkbook, readersRunning } from './reader.js';
export type { OpenedWorkbook, OpenWorkbookOptions } from './reader.js';
export type { WorkbookRow } from './read.js';
export type { Cell } from './excel.js';
export type { WorkbookLimits } from './limits.js';
export { cellText } from './text.js';
