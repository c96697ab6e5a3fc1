// Citizen feedback (phản ánh – kiến nghị) on the case engine: intake, back office, figures, privacy.
// The public surface: other modules import this file only (see docs/architecture.md).
export { alertOverdueFeedback } from './alerts.js';
export { feedbackCounts } from './counts.js';
export type { FeedbackCounts } from './counts.js';
export { feedbackBackOfficeRoutes } from './backoffice-routes.js';
export { publishFeedbackFigures } from './figures.js';
export { submitFeedbackWith } from './intake.js';
export { feedbackJobs, purgeContacts } from './jobs.js';
export { openCasePoints } from './map-points.js';
export { HIDDEN_FROM_PUBLIC, KIND } from './policy.js';
export { publicText, publicWords } from './privacy.js';
export { communeAt, listPlaces, nearbyReports } from './public.js';
export { loadFeedbackReference } from './reference.js';
export { feedbackRoutes } from './routes.js';
export { ZFeedback } from './schema.js';
export type { FeedbackInput } from './schema.js';
