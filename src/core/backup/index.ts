// Whole-database backup and restore (JSON lines, portable between PGlite and PostgreSQL), each file carrying the
// end record that proves it whole. The public surface: other modules import this file only (see docs/architecture.md).
export { NOT_BACKED_UP, appTables, backupTo } from './backup.js';
export { BACKUP_FORMAT, checkBackup, type CheckedBackup } from './format.js';
export { restoreFrom } from './restore.js';
