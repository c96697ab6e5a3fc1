// API tokens for devices and other systems: creation, scopes, revocation, verification.
// The public surface: other modules import this file only (see docs/architecture.md).
export { tokenRoutes } from './routes.js';
export { TOKEN_SCOPES } from './schema.js';
export type { TokenScope, TokenView } from './schema.js';
export { TOKEN_POLICY } from './policy.js';
export { createToken, listTokens, resolveToken, revokeToken, touchToken } from './service.js';
