// The live stream: changes published in the transactions that make them, delivered on commit to every process
// (PostgreSQL LISTEN/NOTIFY; in-process on PGlite) and from there to screens as Server-Sent Events.
// The public surface: other modules import this file only (see docs/architecture.md).
export { LiveHub, liveHub } from './hub.js';
export type { LiveListener } from './hub.js';
export { publishLive } from './publish.js';
export { pruneLiveEvents } from './repo.js';
export { liveRoutes } from './routes.js';
export { LIVE_TOPICS } from './schema.js';
export type { LiveEvent, LiveInput, LiveTopic } from './schema.js';
