// Alerts: one table and API for everything that needs someone's attention, raised by the platform's modules and by
// other systems, handled to closure (acknowledge, assign, resolve, close or dismiss), escalated when nobody answers.
// The only reader and writer of alert_field, alert_type, alert and alert_event.
// The public surface: other modules import this file only (see docs/architecture.md).
export { loadAlertReference } from './reference.js';
export { ALERT_POLICY } from './policy.js';
export { alertRoutes } from './routes.js';
export { ACTIVE_STATES, ALERT_STATES, SEVERITIES, ZAlertPage, ZAlertView } from './schema.js';
export type { AlertView, RaiseAlertInput } from './schema.js';
export { actOnAlert } from './use-cases/act.js';
export { clearAlert } from './use-cases/clear.js';
export { escalateAlerts } from './use-cases/escalate.js';
export { raiseAlert } from './use-cases/raise.js';
export { syncAlerts } from './use-cases/sync.js';
export type { WantedAlert } from './use-cases/sync.js';
export { alertReference, listAlerts } from './use-cases/read.js';
export { SEVERITY_WORDS } from './wording.js';
