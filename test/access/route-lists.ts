/**
 * Every registered route is accounted for here. A new route that is not listed fails this test until someone
 * decides, in writing, who may call it.
 */
export const PUBLIC = [
  'GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /api/meta', 'GET /api/openapi.json', 'POST /api/auth/login',
  // Citizens: the categories, sending a report, and following it by its tracking code (no personal data).
  'GET /api/public/feedback/categories', 'POST /api/public/feedback', 'GET /api/public/feedback/:code', 'POST /api/public/feedback/:code/rating',
  'GET /api/public/feedback/nearby', 'POST /api/public/feedback/:code/follow', 'GET /api/public/feedback/places',
  // The public list and map, and the published (redacted) photos: no personal data (tested in feedback-media.test.ts).
  'GET /api/public/feedback', 'GET /api/public/feedback/:code/photos/:n', 'GET /api/public/feedback/map', 'GET /api/public/feedback/place-at',
  // Open311 GeoReport v2 is public by specification; POST requests authenticates by the api_key in its body
  // (an API token of scope open311), tested in open311.test.ts.
  'GET /open311/v2/discovery.json', 'GET /open311/v2/:file', 'GET /open311/v2/services/:file', 'GET /open311/v2/requests/:file',
  'GET /open311/v2/tokens/:file', 'POST /open311/v2/:file',
  // Devices send with their own access token in the address (ThingsBoard's HTTP API), or present their kind's
  // provisioning key and secret; both checked by the use case (tested in modules/devices/routes.test.ts). A device's
  // client-side attributes the same way, its token in the address (modules/devices/attributes.test.ts).
  'POST /api/v1/:token/telemetry', 'POST /api/v1/provision', 'POST /api/v1/:token/attributes',
  // Farmers read the published sowing bulletins and the salinity stations without an account; the unsubscribe link of
  // an e-mail works by its token alone (modules/agronomy/public-routes.ts).
  'GET /api/public/agronomy/bulletins', 'GET /api/public/agronomy/bulletins/:id', 'GET /api/public/agronomy/bulletins/:id/pdf',
  'GET /api/public/agronomy/salinity', 'POST /api/public/agronomy/unsubscribe',
  // Consumers scan a product's QR code: the GS1 Digital Link resolver, the page's data and the scan they share, the
  // catalogue of verified producers' products and its feed, and the key that checks the chains' checkpoints
  // (modules/traceability: only verified producers show, no staff names; tested in resolver and ocop tests).
  'GET /01/:gtin', 'GET /01/:gtin/10/:lot', 'GET /01/:gtin/21/:serial', 'GET /01/:gtin/10/:lot/21/:serial', 'GET /01/:gtin/:s1', 'GET /01/:gtin/:s1/:s2',
  'GET /01/:gtin/:s1/:s2/:s3', 'GET /01/:gtin/:s1/:s2/:s3/:s4', 'GET /01/:gtin/:s1/:s2/:s3/:s4/:s5', 'GET /01/:gtin/:s1/:s2/:s3/:s4/:s5/:s6',
  'GET /api/public/traceability/items', 'POST /api/public/traceability/scans', 'GET /api/public/traceability/page.js', 'GET /api/public/traceability/key',
  'GET /api/public/traceability/products', 'GET /api/public/traceability/products/:gtin', 'GET /api/public/traceability/products/:gtin/image',
  'GET /api/public/traceability/feed.json', 'GET /api/public/traceability/feed.csv',
];
/** Routes that act only on the caller's own account. */
export const SELF = ['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password', 'GET /api/notifications', 'POST /api/notifications/read'];
/** Reference data every signed-in user and every API token may read (administrative units are public facts). */
export const REFERENCE = [
  'GET /api/org-units', 'GET /api/org-units/tree', 'GET /api/org-units/events', 'GET /api/org-units/boundaries',
  'GET /api/org-units/:id', 'GET /api/org-units/:id/descendants',
  // Aggregate figures and their definitions: what the scorecard shows every signed-in user.
  'GET /api/data-elements', 'GET /api/indicators', 'GET /api/indicators/:code', 'GET /api/category-combos', 'GET /api/analytics', 'GET /api/scorecard', 'GET /api/scorecard/indicators/:code', 'GET /api/scorecard/export',
  'GET /api/calendar', 'GET /api/calendar/deadline',
  // Filtered to the caller's units rather than refused (tested in data-values/entry.test.ts and feedback.test.ts).
  'GET /api/data-values/follow-up', 'GET /api/feedback/cases',
  // The province's answer wording and routing rules: the same for every unit, read by every officer.
  'GET /api/feedback/templates', 'GET /api/feedback/routing-rules',
  // Reporting regimes and forms are the province's published rules; the reviewer's queue is filtered to its unit.
  'GET /api/reporting/regimes', 'GET /api/reporting/regimes/:code', 'GET /api/reporting/queue', 'GET /api/reporting/completeness/history', 'GET /api/reporting/exchange/qcvn125',
  // The operations centre: alerts and the live stream are filtered to the caller's units (tested in core/alerts and
  // core/live); alert types, rules and the overview's figures are the province's.
  'GET /api/alerts', 'GET /api/alerts/reference', 'GET /api/live', 'GET /api/ioc/overview', 'GET /api/ioc/rules',
  // The IOC's map and unit page refuse a unit outside the caller's own (tested in modules/ioc/map/routes.test.ts).
  'GET /api/ioc/map', 'GET /api/ioc/map/points', 'GET /api/ioc/units/:id',
  // The fields and their panels are the province's layout; a field's figures refuse a unit outside the caller's own
  // (tested in modules/ioc/panels/routes.test.ts).
  'GET /api/ioc/fields', 'GET /api/ioc/fields/:code/panels/data',
  // The basemap's tiles are a public map, read by the map's readers; the briefing holds province-wide counts, never a
  // citizen's case, and every person reads it (modules/briefing/policy.ts).
  'GET /api/ioc/map/basemap', 'GET /api/ioc/map/basemap/file', 'GET /api/briefings', 'GET /api/briefings/:id', 'GET /api/briefings/:id/pdf',
  // Device kinds are the province's; the device list is filtered to the caller's units (modules/devices/service.ts).
  'GET /api/device-kinds', 'GET /api/devices',
  // Trap counts, salinity and bulletins are figures about fields, never about a person, read across the province
  // (modules/agronomy/policy.ts); crop stages and subscriptions are filtered to the caller's units.
  'GET /api/agronomy/species', 'GET /api/agronomy/traps/map', 'GET /api/agronomy/traps/:id/series', 'GET /api/agronomy/communes/:unitId/series',
  'GET /api/agronomy/salinity', 'GET /api/agronomy/crop-stages', 'GET /api/agronomy/bulletins', 'GET /api/agronomy/bulletins/:id', 'GET /api/agronomy/bulletins/:id/pdf',
  'GET /api/agronomy/subscriptions',
  // Traceability's lists are filtered to the caller's producers (a producer's account: its own; an officer: its units'),
  // never refused (tested in modules/traceability: producers, catalogue and query tests).
  'GET /api/traceability/producers', 'GET /api/traceability/products', 'GET /api/traceability/epcis/events',
  ...['eventTypes', 'epcs', 'bizSteps', 'bizLocations', 'readPoints', 'dispositions'].flatMap((r) => [`GET /api/traceability/epcis/${r}`, `GET /api/traceability/epcis/${r}/:id/events`]),
];
