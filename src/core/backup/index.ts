// Whole-database backup and restore (JSON lines, portable between PGlite and PostgreSQL).
// The public surface: other modules import this file only (see docs/architecture.md).
export { NOT_BACKED_UP, backupTo, restoreFrom } from './backup.js';
