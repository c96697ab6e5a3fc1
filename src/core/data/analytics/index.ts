// Analytics: any element or indicator for any unit and period, on the hierarchy in force, cached under data versions.
export { Analytics } from './analytics.js';
export type { Cell, IndicatorDefinition } from './cells.js';
export { analyticsRoutes } from './routes.js';
export { figuresVersion } from './version.js';
