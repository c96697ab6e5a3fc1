// The Resolution 07 and DTI scorecard: status, rank and drill-down over indicators, and its exports.
// The public surface: other modules import this file only (see docs/architecture.md).
export { scorecardRoutes } from './routes.js';
export { ZScorecard } from './schema.js';
export { scorecard, scorecardUnit } from './service.js';
export { cachedScorecard } from './cache.js';
