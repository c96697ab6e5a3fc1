// Who is acting (users, tokens, the system) and which units they may see: the actor every use case receives.
// The public surface: other modules import this file only (see docs/architecture.md).
export { ACCESS, CLI, SYSTEM, actorId, actorName } from './actor.js';
export type { Access, Actor, UserActor } from './actor.js';
export { assertUnitInScope, scopeUnitIds } from './scope.js';
export { allows, refusal } from './allows.js';
export type { Refusal } from './allows.js';
export { machineActor, personActor, whoMay } from './actors.js';
