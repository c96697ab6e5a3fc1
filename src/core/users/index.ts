// Users, their roles and units.
// The public surface: other modules import this file only (see docs/architecture.md).
export { userRoutes } from './routes.js';
export { ACCOUNT_ROLES, ROLES, ZUserView } from './schema.js';
export type { UserView } from './schema.js';
export { createUser, findUserIdByUsername, getUserView, setUserPassword } from './service.js';
export { USER_POLICY } from './policy.js';
export { activeUserUnit, activeUsersWithRoles, displayNames } from './repo.js';
