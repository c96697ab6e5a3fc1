// The GeoReport v2 (Open311) API over citizen feedback.
// The public surface: other modules import this file only (see docs/architecture.md).
export { open311Routes } from './routes.js';
