// Reporting under Decree 09: what is due, the report form, and the queue of reports to review.
export { ReportsDuePage } from './DuePage';
export { ReportQueuePage } from './QueuePage';
export { ReportPage } from './ReportPage';
export { StateBadge } from './StateBadge';
