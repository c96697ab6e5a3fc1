// Administrative units in time: versions, reorganisation events, boundaries, hierarchy caches and roll-ups.
// The public surface: other modules import this file only (see docs/architecture.md).
export { unitCacheFor } from './cache.js';
export { loadReferenceData } from './reference-data.js';
export { ancestors, boundaries, codesByIds, descendants, findByCode, getById, inForce, listInForce } from './repo.js';
export type { Rollup } from './rollup.js';
export { unitsBelow } from './hierarchy.js';
export { orgUnitRoutes } from './routes.js';
