import { z } from 'zod';
import { CASE_STATES, PRIORITIES, ZCaseEvent } from '../../core/cases/index.js';
import { ACCOUNT_ROLES } from '../../core/users/index.js';

// Requests and answers of the feedback routes; the types are inferred from them.

const ZCategoryCode = z.string().regex(/^[A-Z_]{2,40}$/);
const TRACKING = /^[A-Za-z]{2}-[2-9A-Za-z]{4}-[2-9A-Za-z]{4}$/;
const ZLat = z.coerce.number().min(-90).max(90);
const ZLon = z.coerce.number().min(-180).max(180);

export const ZFeedback = z.object({
  category: z.string().trim().regex(/^[A-Z_]{2,40}$/),
  description: z.string().trim().min(10).max(4000),
  /** The commune where it happened; without one the report goes to the province's triage, which places it. */
  placeUnitId: z.number().int().positive().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  anonymous: z.boolean().default(false),
  contact: z.object({
    name: z.string().trim().min(1).max(120).refine((s) => !/[<>\p{Cc}]/u.test(s), { message: 'name_chars' }),
    phone: z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/).optional(),
    email: z.string().trim().email().max(200).optional(),
  }).strict().optional(),
  // Decree 13/2023 on personal data: the citizen agrees, explicitly, to the use of the contact data.
  consent: z.literal(true, { message: 'consent_required' }),
  channel: z.enum(['web', 'app', 'hotline', 'walk_in', 'email']).default('web'),
  /**
   * An id the sender makes once per report (a UUID, made when the citizen presses send and kept with a report queued
   * offline): the same id again answers the case it made (200) instead of making another.
   */
  clientRef: z.string().uuid().optional(),
}).strict();
export type FeedbackInput = z.infer<typeof ZFeedback>;

export const ZRating = z.object({
  rating: z.number().int().min(1).max(5),
  solved: z.boolean(),
  comment: z.string().trim().max(1000).optional(),
}).strict();
export type RatingInput = z.infer<typeof ZRating>;

export const ZSubscribe = z.object({
  email: z.string().trim().email().max(200).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/).optional(),
  consent: z.literal(true, { message: 'consent_required' }),
}).strict().refine((s) => s.email || s.phone, { message: 'email_or_phone', path: ['email'] });
export type SubscribeInput = z.infer<typeof ZSubscribe>;

export const ZPublicList = z.object({
  category: ZCategoryCode.optional(),
  status: z.enum(['open', 'answered', 'closed']).optional(),
  placeUnitId: z.coerce.number().int().positive().optional(),
  /** The citizen's own reports: the tracking codes the device remembers. */
  codes: z.string().regex(/^[A-Za-z]{2}-[2-9A-Za-z]{4}-[2-9A-Za-z]{4}(,[A-Za-z]{2}-[2-9A-Za-z]{4}-[2-9A-Za-z]{4}){0,49}$/).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}).strict();
export type PublicListQuery = z.infer<typeof ZPublicList>;

/** A tracking code as citizens type it: FE-XXXX-XXXX, any case. */
export const ZCode = z.object({ code: z.string().regex(TRACKING) });
export const ZPhotoParams = ZCode.extend({ n: z.coerce.number().int().min(1).max(20) });
export const ZId = z.object({ id: z.coerce.number().int().positive() });
export const ZMediaParams = ZId.extend({ mediaId: z.coerce.number().int().positive() });
export const ZPhotoVersion = z.object({ version: z.enum(['original', 'published']).default('original') });
export const ZPoint = z.object({ lat: ZLat, lon: ZLon });
export const ZNearbyQuery = z.object({ category: ZCategoryCode, lat: ZLat, lon: ZLon });
export const ZUnitQuery = z.object({ unitId: z.coerce.number().int().positive() });
export const ZTemplateQuery = z.object({ category: ZCategoryCode.optional() });

export const ZCaseQuery = z.object({
  state: z.enum(CASE_STATES).optional(), overdue: z.enum(['true', 'false']).optional(), category: ZCategoryCode.optional(),
  priority: z.enum(PRIORITIES).optional(), mine: z.enum(['true', 'false']).optional(),
  /** The cases held by this unit or a unit below it (as they stand today), within the reader's own units. */
  unitId: z.coerce.number().int().positive().optional(),
  code: z.string().regex(TRACKING).optional(), q: z.string().trim().min(2).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type CaseQuery = z.infer<typeof ZCaseQuery>;

// Answers.

const ZPlace = z.object({ id: z.number(), code: z.string(), name: z.string() });
const ZState = z.enum(CASE_STATES);
/** Photos and files are sent as they are stored; the schema only documents them. */
export const ZBinary = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });
export const ZNoContent = z.undefined().describe('No content');

export const ZCategoryView = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), deadlineWorkingDays: z.number(), allowAnonymous: z.boolean() });
export const ZSubmitted = z.object({
  trackingCode: z.string(), state: ZState, dueDate: z.string(), unit: z.object({ id: z.number(), name: z.string() }),
  photos: z.number(), located: z.boolean(),
});
export const ZPublicPage = z.object({
  total: z.number(), page: z.number(), pageSize: z.number(),
  items: z.array(z.object({
    trackingCode: z.string(), category: z.string(), state: ZState, unit: z.string().nullable(), place: z.string().nullable(),
    receivedAt: z.date(), dueDate: z.string(), answeredAt: z.date().nullable(), lat: z.number().nullable(), lon: z.number().nullable(),
    photos: z.number(), description: z.string(),
  })),
});
export const ZPublicReport = z.object({
  trackingCode: z.string(), state: ZState, category: z.string(), categoryNameVi: z.string(), categoryNameEn: z.string(), description: z.string(),
  unit: z.string().nullable(), place: z.string().nullable(), receivedAt: z.date(), dueDate: z.string(), answer: z.string().nullable(),
  answeredAt: z.date().nullable(), lat: z.number().nullable(), lon: z.number().nullable(),
  photos: z.array(z.object({ position: z.number(), width: z.number(), height: z.number(), url: z.string() })),
  timeline: z.array(z.object({ at: z.date(), action: z.string(), state: z.string().nullable(), note: z.string().nullable() })),
});
export const ZPlaces = z.array(ZPlace);
export const ZPlaceAt = z.object({ place: ZPlace.nullable() });
export const ZMapOutlines = z.object({
  picksCommune: z.boolean(),
  outlines: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), id: z.number(), geometry: z.unknown(), properties: ZPlace })),
  }),
});
const ZNearbyFields = {
  trackingCode: z.string(), state: ZState, description: z.string(), public_description: z.string().nullable(), receivedAt: z.date(), distanceMeters: z.number(),
};
export const ZNearby = z.array(z.object(ZNearbyFields));
export const ZDuplicates = z.array(z.object({ id: z.number(), ...ZNearbyFields }));
export const ZFollowed = z.object({ followers: z.number() });
export const ZRated = z.object({ state: z.enum(['in_progress', 'closed']), reopened: z.boolean() });

export const ZCaseListItem = z.object({
  id: z.number(), trackingCode: z.string(), category: z.string(), state: ZState, priority: z.enum(PRIORITIES), unitId: z.number().nullable(),
  unit: z.string().nullable(), receivedAt: z.date(), dueDate: z.string(), escalatedToUnitId: z.number().nullable(), description: z.string(),
  lat: z.number().nullable(), lon: z.number().nullable(), officerId: z.number().nullable(), officer: z.string().nullable(),
});
/** A case as its unit reads it: every column of case_record, the text the public sees, photos and the whole timeline. */
export const ZOfficerCase = z.object({
  id: z.number(), kind: z.string(), tracking_code: z.string(), category_code: z.string(), state: ZState, title: z.string().nullable(),
  description: z.string(), channel: z.string(), place_unit_id: z.number().nullable(), unit_id: z.number().nullable(), officer_id: z.number().nullable(),
  priority: z.enum(PRIORITIES), lat: z.number().nullable(), lon: z.number().nullable(), received_at: z.date(), due_date: z.string(),
  escalated_to_unit_id: z.number().nullable(), escalated_at: z.date().nullable(), merged_into_id: z.number().nullable(), public_answer: z.string().nullable(),
  answered_at: z.date().nullable(), closed_at: z.date().nullable(), data: z.record(z.string(), z.unknown()), created_at: z.date(), updated_at: z.date(),
  public_description: z.string().nullable(), reminded_due_date: z.string().nullable(),
  publicText: z.string(),
  media: z.array(z.object({
    id: z.number(), position: z.number(), width: z.number(), height: z.number(), hidden: z.boolean(), exifLat: z.number().nullable(),
    exifLon: z.number().nullable(), redacted: z.boolean(), reviewed: z.boolean(), url: z.string(),
  })),
  timeline: z.array(ZCaseEvent),
});
export const ZOfficers = z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(ACCOUNT_ROLES) }));
