import { z } from 'zod';
import { allows, type Access, type Actor } from '../access/index.js';

/**
 * What the interface may offer a user, each named after the one route it stands for ("METHOD /url" as registered).
 * A capability is held exactly when that route's declared access (taken from its module's policy.ts) lets the actor
 * in, by the same `refusal` the authentication hook applies: the menu, the page guards and the buttons cannot promise
 * what the server then refuses. Unit scope is not a capability: a use case still answers 403 out_of_scope for a unit
 * outside the user's own, whatever the interface showed.
 */
export const CAPABILITY_ROUTES = {
  'users.manage': 'POST /api/users',
  'units.manage': 'PATCH /api/org-units/:id',
  'boundaries.upload': 'PUT /api/org-units/boundaries',
  'tokens.manage': 'GET /api/tokens',
  'connectors.manage': 'GET /api/connectors',
  'ioc.configure': 'POST /api/ioc/panels',
  'briefings.generate': 'POST /api/briefings/generate',
  'audit.read': 'GET /api/audit',
  'metadata.edit': 'POST /api/indicators',
  'data.enter': 'POST /api/data-values',
  'data.import': 'POST /api/dataValueSets',
  'reports.submit': 'POST /api/reporting/reports',
  'reports.edit': 'PUT /api/reporting/reports/:id',
  'reports.act': 'POST /api/reporting/reports/:id/:action',
  'reports.review': 'GET /api/reporting/queue',
  'reports.remind': 'POST /api/reporting/remind',
  'reports.configure': 'PUT /api/reporting/regimes/:code',
  'feedback.handle': 'POST /api/feedback/cases/:id/actions',
  'feedback.settings': 'POST /api/feedback/templates',
  'feedback.routing': 'PUT /api/feedback/routing-rules',
  'webhooks.manage': 'GET /api/webhooks',
  'outbox.read': 'GET /api/notifications/outbox',
  'devices.manage': 'POST /api/devices',
  'agronomy.enter': 'POST /api/agronomy/field-counts',
  'agronomy.draft': 'POST /api/agronomy/bulletins',
  'agronomy.approve': 'POST /api/agronomy/bulletins/:id/approve',
  'trace.read': 'GET /api/traceability/producers',
  'trace.register': 'POST /api/traceability/producers',
  'trace.verify': 'POST /api/traceability/producers/:id/verification',
  'trace.capture': 'POST /api/traceability/epcis/capture',
} as const;

export type Capability = keyof typeof CAPABILITY_ROUTES;
export type Capabilities = Record<Capability, boolean>;

const NAMES = Object.keys(CAPABILITY_ROUTES) as [Capability, ...Capability[]];
export const ZCapabilities = z.record(z.enum(NAMES), z.boolean()).describe('What the signed-in user may do: each capability is one route its access allows');

/** The routes as the app registered them, with their declared access (the app's route table). */
export type RouteAccess = { method: string; url: string; access?: Access }[];

/** The capabilities of an actor; a capability whose route is not registered is an error of the platform, not a no. */
export function capabilitiesOf(routes: RouteAccess, actor: Actor): Capabilities {
  const byKey = new Map(routes.map((r) => [`${r.method} ${r.url}`, r.access ?? {}]));
  const out = {} as Capabilities;
  for (const name of NAMES) {
    const access = byKey.get(CAPABILITY_ROUTES[name]);
    if (!access) throw new Error(`capability ${name}: no route ${CAPABILITY_ROUTES[name]}`);
    out[name] = allows(access, actor);
  }
  return out;
}
