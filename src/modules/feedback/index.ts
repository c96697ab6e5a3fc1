// Citizen feedback (phản ánh – kiến nghị) on the case engine: intake, back office, figures, privacy.
// The public surface: other modules import this file only (see docs/architecture.md).
export { feedbackJobs, publishFeedbackFigures, purgeContacts } from './figures.js';
export { publicText } from './privacy.js';
export { loadFeedbackReference } from './reference.js';
export { feedbackBackOfficeRoutes, feedbackRoutes } from './routes.js';
export { KIND, communeAt, nearbyReports, submitFeedbackWith } from './service.js';
