import { z } from 'zod';
import { instant, nameText } from '../../core/validation/index.js';

const ZId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ZDeviceId = z.object({ id: ZId });
export const ZKindCode = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/) });
const ZPoint = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();

export const ZDeviceInput = z.object({
  kind: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
  name: nameText(120),
  location: ZPoint.nullable().default(null),
  /** The commune where it stands; found from the point when absent. */
  unitId: ZId.nullable().optional(),
  ownerUnitId: ZId.nullable().default(null),
  /** It speaks for devices behind it (ThingsBoard's gateway API); a device of kind GATEWAY always does. */
  gateway: z.boolean().optional(),
}).strict();
export type DeviceInput = z.infer<typeof ZDeviceInput>;
/** What a change names, and nothing else: no default fills a field left out (a new name must not clear the point). */
export const ZDeviceUpdate = z.object({
  name: nameText(120).optional(),
  location: ZPoint.nullable().optional(),
  unitId: ZId.nullable().optional(),
  ownerUnitId: ZId.nullable().optional(),
  gateway: z.boolean().optional(),
}).strict();
export type DeviceUpdate = z.infer<typeof ZDeviceUpdate>;

export const ZDeviceQuery = z.object({
  kind: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
}).strict();

const ZNamed = z.object({ id: z.number(), name: z.string() });
export const ZDeviceView = z.object({
  id: z.number(), kind: z.string(), name: z.string(), location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  unit: ZNamed.nullable(), ownerUnit: ZNamed.nullable(), tokenPrefix: z.string(), provisioned: z.boolean(),
  status: z.enum(['online', 'offline', 'never', 'revoked']), lastSeenAt: z.date().nullable(), battery: z.number().nullable(),
  badPayloads: z.number(), lastBadReason: z.string().nullable(), lastBadAt: z.date().nullable(), revokedAt: z.date().nullable(), createdAt: z.date(),
  /** The gateway that registered it, if one did. */
  gatewayId: z.number().nullable(),
  /** What the device says about itself (firmware, lamp colour…), and "gateway" when an administrator marked it one. */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type DeviceView = z.infer<typeof ZDeviceView>;
/** A device with its token, answered once: when it is created or its token is replaced. */
export const ZDeviceWithToken = z.object({ device: ZDeviceView, token: z.string() });

export const ZKindView = z.object({
  code: z.string(), name: z.object({ vi: z.string(), en: z.string() }), intervalSeconds: z.number(),
  keys: z.array(z.object({ key: z.string(), nameVi: z.string(), nameEn: z.string(), unit: z.string() })), provisioning: z.boolean(),
});
export const ZProvisioning = z.object({ key: z.string(), secret: z.string() });

export const ZSeriesQuery = z.object({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/),
  from: instant(), to: instant(),
  resolution: z.enum(['raw', 'hour', 'day']).default('hour'),
  limit: z.coerce.number().int().min(1).max(10_000).default(2000),
}).strict().refine((q) => q.from < q.to, { message: 'from_before_to', path: ['to'] });
export const ZSeries = z.object({
  key: z.string(), resolution: z.enum(['raw', 'hour', 'day']),
  points: z.array(z.object({ at: z.string(), value: z.number(), min: z.number(), max: z.number(), n: z.number() })),
});
export const ZLatest = z.array(z.object({ key: z.string(), at: z.string(), value: z.number() }));

export const ZTokenParam = z.object({ token: z.string().min(8).max(200).regex(/^[A-Za-z0-9_-]+$/) });
export const ZAccepted = z.object({ stored: z.number(), received: z.number() });
export const ZAttributesAccepted = z.object({ attributes: z.number() });
export const ZProvisionRequest = z.object({
  deviceName: nameText(120), provisionDeviceKey: z.string().min(8).max(200), provisionDeviceSecret: z.string().min(8).max(200),
}).strict();
export type ProvisionRequest = z.infer<typeof ZProvisionRequest>;
export const ZProvisioned = z.object({ status: z.literal('SUCCESS'), credentialsType: z.literal('ACCESS_TOKEN'), credentialsValue: z.string() });
