// The audit log: one row per change, written in the transaction of the change; its routes list and export it.
// The public surface: other modules import this file only (see docs/architecture.md).
export { auditRow, recordAudit } from './audit.js';
export { auditRoutes } from './routes.js';
export { AUDIT_POLICY } from './policy.js';
