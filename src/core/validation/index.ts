// Shared input rules for text that people type (names, notes) and for dates.
// The public surface: other modules import this file only (see docs/architecture.md).
export { nameText } from './text.js';
export { instant, isoDate } from './dates.js';
