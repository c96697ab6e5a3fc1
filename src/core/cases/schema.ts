import { z } from 'zod';
import { CASE_ACTIONS, CASE_STATES } from './state-machine.js';

// Requests and answers of the case engine's use cases: the capabilities' routes take them as they are.

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
const ZCategoryCode = z.string().trim().regex(/^[A-Z_]{2,40}$/);

export const ZCaseActionBody = z.object({
  action: z.enum(CASE_ACTIONS), unitId: z.number().int().positive().optional(), officerId: z.number().int().positive().optional(),
  note: z.string().trim().min(1).max(4000).optional(), answer: z.string().trim().min(1).max(8000).optional(), mergeInto: z.number().int().positive().optional(),
}).strict();
export type ActInput = z.infer<typeof ZCaseActionBody>;

export const ZActResult = z.object({
  id: z.number(), from: z.enum(CASE_STATES), state: z.enum(CASE_STATES),
  /** Forwarding only: the last day Decree 92/2017 allows, and whether this forward came after it. */
  forwardLimit: z.string().optional(), lateForward: z.boolean().optional(),
});
export type ActResult = z.infer<typeof ZActResult>;

export const ZExtendBody = z.object({ workingDays: z.number().int().min(1).max(60), reason: z.string().trim().min(5).max(2000) }).strict();
export const ZExtendResult = z.object({ id: z.number(), dueDate: z.string() });
export const ZNoteBody = z.object({ text: z.string().trim().min(1).max(4000), internal: z.boolean().default(true) }).strict();
export const ZAssignResult = z.object({ id: z.number(), officerId: z.number() });

export const ZCaseUpdate = z.object({
  priority: z.enum(PRIORITIES).optional(),
  /** The text the public reads instead of the citizen's (personal data taken out); null returns to the masked original. */
  publicDescription: z.string().trim().min(10).max(4000).nullable().optional(),
  /** A new category: the case is routed again by the rules for it. */
  category: ZCategoryCode.optional(),
  /** The commune where it happened, for a report received without one: the case is routed again by the rules for it. */
  placeUnitId: z.number().int().positive().optional(),
}).strict();
export type CaseUpdate = z.infer<typeof ZCaseUpdate>;
const ZUnitRef = z.object({ id: z.number(), name: z.string() });
export const ZCaseUpdateResult = z.object({ id: z.number(), changed: z.boolean(), unit: ZUnitRef.nullable().optional() });

export const ZBulk = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(200),
  action: z.enum(['assign', 'priority', ...CASE_ACTIONS]),
  officerId: z.number().int().positive().optional(),
  unitId: z.number().int().positive().optional(),
  priority: z.enum(PRIORITIES).optional(),
  note: z.string().trim().min(1).max(4000).optional(),
}).strict();
export type BulkInput = z.infer<typeof ZBulk>;
export const ZBulkResult = z.object({ done: z.number() });

export const ZRedact = z.object({
  hidden: z.boolean().optional(),
  /** Areas to blur in the published copy, as fractions of the photo; an empty list publishes the photo unblurred. */
  areas: z.array(z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().gt(0).max(1), h: z.number().gt(0).max(1) }).strict()).max(20).optional(),
}).strict();
export type RedactInput = z.infer<typeof ZRedact>;
export const ZRedactResult = z.object({ id: z.number(), changed: z.boolean() });

export const ZTemplate = z.object({
  title: z.string().trim().min(2).max(200),
  body: z.string().trim().min(10).max(8000),
  category: ZCategoryCode.nullable().default(null),
}).strict();
export type TemplateInput = z.infer<typeof ZTemplate>;
export const ZTemplateView = z.object({
  id: z.number(), title: z.string(), body: z.string(), category: z.string().nullable(), updatedBy: z.string(), updatedAt: z.date(),
});
export const ZSavedTemplate = z.object({ id: z.number() });

export const ZRoutingRules = z.object({
  rules: z.array(z.object({
    category: ZCategoryCode.nullable(),
    target: z.enum(['place', 'place_parent', 'unit']),
    unitId: z.number().int().positive().nullable().default(null),
    note: z.string().trim().max(500).nullable().default(null),
  }).strict()).min(1).max(500),
}).strict();
export type RoutingRulesInput = z.infer<typeof ZRoutingRules>;
export const ZRoutingRuleView = z.object({
  id: z.number(), category: z.string().nullable(), target: z.enum(['place', 'place_parent', 'unit']), unitId: z.number().nullable(),
  unit: z.string().nullable(), note: z.string().nullable(), position: z.number(),
});
export const ZReplacedRules = z.object({ rules: z.number() });

/** One step on a case's timeline, as stored. */
export const ZCaseEvent = z.object({
  id: z.number(), case_id: z.number(), at: z.date(), actor_kind: z.string(), actor_name: z.string(), action: z.string(),
  from_state: z.string().nullable(), to_state: z.string().nullable(), unit_id: z.number().nullable(), note: z.string().nullable(),
  internal: z.boolean(), data: z.record(z.string(), z.unknown()),
});
