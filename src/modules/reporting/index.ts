// Periodic reporting: regimes, forms, reports with approval, reminders, completeness, Excel and QCVN 125 exchange.
// The public surface: other modules import this file only (see docs/architecture.md).
export { alertLateReports, lateReportList } from './alerts.js';
export type { LateReports } from './alerts.js';
export { completeness, completenessHistory } from './completeness.js';
export { publishCompleteness } from './figures.js';
export { dueDate, reportingPeriod } from './periods.js';
export { listRegimes, loadDemoRegimes, regimeByCode, regimePeriod, saveRegime } from './regimes.js';
export { reportingJobs, sendReportReminders } from './reminders.js';
export { reportingRoutes } from './routes.js';
export { expectedUnits } from './units.js';
