// Users, their roles and units.
// The public surface: other modules import this file only (see docs/architecture.md).
export { userRoutes } from './routes.js';
export { ROLES, ZUserView, findUserIdByUsername, getUserView, setUserPassword } from './service.js';
