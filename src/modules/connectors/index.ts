// Connectors: other systems' JSON or CSV addresses (public services, e-documents, health, education…) pulled on a
// schedule, mapped to data elements, units and periods, written through the data-value store; a failing pull or data
// that stop changing raise an alert. The only reader and writer of connector and connector_run.
// The public surface: other modules import this file only (see docs/architecture.md).
export { CONNECTOR_POLICY } from './policy.js';
export { connectorRoutes } from './routes.js';
export { connectorJobs, runDueConnectors } from './run.js';
export type { BadRow, ConnectorInput, ConnectorView, PreviewResult, RunView } from './schema.js';
