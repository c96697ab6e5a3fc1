// Shared rules for text that people type (names, notes), for dates, and for the files routes answer.
// The public surface: other modules import this file only (see docs/architecture.md).
export { nameText } from './text.js';
export { instant, isoDate } from './dates.js';
export { ZFileReply } from './files.js';
