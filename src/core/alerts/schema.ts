import { z } from 'zod';
import { instant } from '../validation/index.js';

export const SEVERITIES = ['critical', 'major', 'minor', 'warning', 'info'] as const;
export const ALERT_STATES = ['open', 'acknowledged', 'assigned', 'resolved', 'closed', 'dismissed'] as const;
/** States in which an alert still waits for someone: a repeat refreshes it, and it counts as open on screens. */
export const ACTIVE_STATES = ['open', 'acknowledged', 'assigned'] as const;
export const ALERT_ACTIONS = ['acknowledge', 'assign', 'resolve', 'close', 'dismiss', 'reopen', 'note', 'check', 'uncheck'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

const ZCode = z.string().trim().regex(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code_chars' });
const text = (max: number) => z.string().trim().min(1).max(max);
const ZBilingual = (max: number) => z.object({ vi: text(max), en: text(max).optional() }).strict();
const ZKey = z.string().trim().min(1).max(200).regex(/^[\p{L}\p{N}._:/#@-]+$/u, { message: 'identifier_chars' });

/** An alert as a module or another system raises it. English falls back to the Vietnamese where it is not given. */
export const ZRaiseAlert = z.object({
  type: ZCode,
  severity: z.enum(SEVERITIES).optional(),
  title: ZBilingual(200),
  details: ZBilingual(4000).optional(),
  unitId: z.number().int().positive().optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict().optional(),
  externalId: ZKey.optional(),
  /** With the source, names one alert: a repeat while it is open refreshes it instead of adding another. */
  dedupeKey: ZKey.optional(),
  /** What the source saw: measurements, links, a camera's reading (at most 8 kB of JSON). */
  evidence: z.record(z.string().max(100), z.unknown()).refine((e) => JSON.stringify(e).length <= 8192, { message: 'evidence_size' }).optional(),
  occurredAt: instant().optional(),
}).strict();
export type RaiseAlertInput = z.infer<typeof ZRaiseAlert>;

export const ZRaised = z.object({
  id: z.number(),
  /** false: an open alert with the same dedupe key was refreshed. */
  created: z.boolean(),
  occurrences: z.number(),
});

export const ZAlertAct = z.object({
  action: z.enum(ALERT_ACTIONS),
  note: text(4000).optional(),
  unitId: z.number().int().positive().optional(),
  userId: z.number().int().positive().optional(),
  /** The checklist step ticked or unticked. */
  step: z.string().trim().min(1).max(60).optional(),
}).strict();
export type AlertActInput = z.infer<typeof ZAlertAct>;

export const ZAlertId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const ZAlertQuery = z.object({
  /** "active" (open, acknowledged, assigned: the default), "ended", "all", or one state. */
  state: z.enum(['active', 'ended', 'all', ...ALERT_STATES]).default('active'),
  severity: z.enum(SEVERITIES).optional(),
  field: ZCode.optional(),
  type: ZCode.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  /** Only alerts raised from this instant (the briefing's day). */
  since: instant().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The id of the last alert of the previous page. */
  before: z.coerce.number().int().positive().optional(),
}).strict();
export type AlertQuery = z.infer<typeof ZAlertQuery>;

const ZNamed = z.object({ id: z.number(), name: z.string() });
const ZBi = z.object({ vi: z.string(), en: z.string() });

export const ZAlertView = z.object({
  id: z.number(),
  type: z.string(),
  typeName: ZBi,
  severity: z.enum(SEVERITIES),
  field: z.string(),
  fieldName: ZBi,
  state: z.enum(ALERT_STATES),
  unit: ZNamed.nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  title: ZBi,
  details: ZBi,
  source: z.string(),
  externalId: z.string().nullable(),
  occurrences: z.number(),
  raisedAt: z.date(),
  lastSeenAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  /** Minutes an open alert may wait for an acknowledgement before it escalates; null: it does not. */
  ackLimitMinutes: z.number().nullable(),
  assignedUnit: ZNamed.nullable(),
  assignedUser: ZNamed.nullable(),
  escalationLevel: z.number(),
  escalatedUnit: ZNamed.nullable(),
  dismissReason: z.string().nullable(),
  checklist: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string(), done: z.boolean(), by: z.string().nullable(), at: z.string().nullable() })),
  hasImage: z.boolean(),
  /** Absent for a display screen: a hotline's evidence can hold a caller's number. */
  evidence: z.record(z.string(), z.unknown()).optional(),
});
export type AlertView = z.infer<typeof ZAlertView>;

export const ZAlertPage = z.object({ alerts: z.array(ZAlertView), counts: z.record(z.enum(SEVERITIES), z.number()) });

export const ZAlertEventView = z.object({
  id: z.number(), at: z.date(), actor: z.string(), action: z.string(),
  from: z.enum(ALERT_STATES).nullable(), to: z.enum(ALERT_STATES).nullable(), note: z.string(), data: z.record(z.string(), z.unknown()),
});
export const ZAlertDetail = ZAlertView.extend({ timeline: z.array(ZAlertEventView) });

export const ZAlertActed = z.object({ id: z.number(), from: z.enum(ALERT_STATES), state: z.enum(ALERT_STATES) });

export const TYPE_ORIGINS = ['platform', 'reference', 'province'] as const;
export const ZAlertTypeView = z.object({
  code: z.string(), field: z.string(), name: ZBi, defaultSeverity: z.enum(SEVERITIES), ackLimitMinutes: z.number().nullable(),
  checklist: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string() })),
  /** platform: shipped, raised by the platform's modules (kept in service); reference: shipped, raised by other systems; province: added by an administrator. */
  origin: z.enum(TYPE_ORIGINS),
  /** A retired type takes no new alerts; its alerts are handled to their end. */
  retired: z.boolean(),
});
export const ZAlertFieldView = z.object({ code: z.string(), name: ZBi });
export const ZAlertReference = z.object({ fields: z.array(ZAlertFieldView), types: z.array(ZAlertTypeView) });

const ZAckLimit = z.number().int().min(1).max(60 * 24 * 30).nullable();
const ZChecklist = z.array(z.object({ key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'identifier_chars' }), vi: text(200), en: text(200) }).strict())
  .max(20);

/** An administrator's edit of a type: its severity, acknowledgement limit and standard steps, and whether it is retired. */
export const ZAlertTypeUpdate = z.object({
  defaultSeverity: z.enum(SEVERITIES).optional(),
  ackLimitMinutes: ZAckLimit.optional(),
  checklist: ZChecklist.optional(),
  retired: z.boolean().optional(),
}).strict();
export const ZAlertTypeCode = z.object({ code: ZCode });

/** A type the province adds (another system's: camera analytics, a hotline, a weather service): what the edit takes, and its code, names and field. */
export const ZAlertTypeCreate = z.object({
  code: ZCode,
  name: z.object({ vi: text(200), en: text(200) }).strict(),
  field: ZCode,
  defaultSeverity: z.enum(SEVERITIES),
  ackLimitMinutes: ZAckLimit.default(null),
  checklist: ZChecklist.default([]),
}).strict();
export type AlertTypeCreateInput = z.infer<typeof ZAlertTypeCreate>;
export const ZAlertTypeRemoved = z.object({ code: z.string(), removed: z.literal(true) });

/** A raise by another system in multipart/form-data: the alert as JSON in `alert`, one photo in `image`. */
export const ZAlertImage = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });
export const ZClearAlert = z.object({ dedupeKey: ZKey, note: text(4000).optional() }).strict();
export const ZCleared = z.object({ id: z.number().nullable() });
