// Shared input rules for text that people type (names, notes).
// The public surface: other modules import this file only (see docs/architecture.md).
export { nameText } from './text.js';
