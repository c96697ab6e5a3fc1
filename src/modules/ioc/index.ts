// The operations centre (IOC): the live picture of the province — its overview, rules on indicators that raise and
// clear alerts as values change — over the alerts and the live stream of the core. The only writer of ioc_rule.
// The public surface: other modules import this file only (see docs/architecture.md).
export { IOC_POLICY } from './policy.js';
export { iocRoutes } from './routes.js';
export { fieldPanelData, fieldsWithPanels, loadIocPanels } from './panels/index.js';
export { evaluateRules } from './rules.js';
export { iocJobs, iocOverview } from './service.js';
