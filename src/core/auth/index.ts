// Sign-in, sessions, passwords and the authentication hook that puts an actor on every request.
// The public surface: other modules import this file only (see docs/architecture.md).
export { assertStrongPassword, generatePassword, hashPassword } from './passwords.js';
export { authenticationPlugin } from './plugin.js';
export { authRoutes } from './routes.js';
export { destroyUserSessions, purgeExpiredSessions, randomToken, sha256 } from './sessions.js';
export { clearFailures, locksOf } from './lockout.js';
export { CAPABILITY_ROUTES, capabilitiesOf } from './capabilities.js';
export type { Capabilities, Capability } from './capabilities.js';
