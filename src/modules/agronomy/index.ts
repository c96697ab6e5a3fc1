// Agronomy (issue 15): what the plant-protection and irrigation sub-departments decide from the light traps and the
// salinity stations — nightly catches per species against each trap's baseline, peak and outbreak alerts, the
// migration forecast and the "né rầy" sowing bulletins (drafted, approved, published, e-mailed to subscribers),
// salinity against the crop stage's limit with sluice advice — and the figures it publishes into the data-value store.
// Reads telemetry through the devices module. The only reader and writer of agri_crop_stage, agri_field_count,
// agri_bulletin and agri_subscription. The public surface: other modules import this file only (see docs/architecture.md).
export { agronomyJobs } from './jobs.js';
export { alertPests, alertSalinity } from './alerts.js';
export { ensureAgronomyFigures, publishAgronomyFigures, recentNights } from './figures.js';
export { AGRONOMY_POLICY } from './policy.js';
export { agronomyReference } from './reference.js';
export { currentNight } from './readings.js';
export { agronomyRoutes } from './routes.js';
export { salinityStations } from './salinity.js';
export { salinityFromConductivity } from './science/salinity.js';
export { trapMap, trapSeries } from './traps.js';
