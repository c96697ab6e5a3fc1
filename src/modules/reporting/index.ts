// Periodic reporting: regimes, forms, reports with approval, reminders, completeness, Excel and QCVN 125 exchange.
// The public surface: other modules import this file only (see docs/architecture.md).
export { publishCompleteness } from './figures.js';
export { dueDate, reportingPeriod } from './periods.js';
export { expectedUnits, loadDemoRegimes, regimeByCode, regimePeriod, saveRegime } from './regimes.js';
export { reportingJobs, sendReportReminders } from './reminders.js';
export { completeness, completenessHistory } from './reports.js';
export { reportingRoutes } from './routes.js';
