// The IOC briefing (issue 14, point 4): a daily and a weekly account of what changed in the province — figures up and
// down, alerts new and overdue, feedback received, answered and late, reports late — made at 07:00 Việt Nam time,
// kept in an archive, read as a page or an A4 PDF and e-mailed to leaders. The only reader and writer of briefing.
// The public surface: other modules import this file only (see docs/architecture.md).
export { BRIEFING_KINDS, BRIEFING_POLICY, briefingPeriod, dueBriefings, previousPeriod, trend } from './policy.js';
export type { BriefingKind, Period } from './policy.js';
export { briefingRoutes } from './routes.js';
export type { BriefingContent, BriefingView } from './schema.js';
export { briefingJobs, generateBriefing } from './service.js';
