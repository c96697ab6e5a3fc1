import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/index.js';
import type { Db } from '../../db/database.js';
import { vnDate } from '../../core/calendar/index.js';
import {
  getCase, listCasePhotos, openCase, processPhotos, routeFor, STALE, withReference, type CaseReference, type OpenedCase, type ProcessedPhoto,
} from '../../core/cases/index.js';
import { AppError } from '../../server/errors.js';
import { readJsonWithFiles } from '../../server/multipart.js';
import { KIND } from './policy.js';
import { ZFeedback, type FeedbackInput } from './schema.js';

/**
 * A citizen's report (or an operator's on a caller's behalf, or a partner system's): checked, routed on today's
 * hierarchy and received, against one version of the case reference (STALE when it changed: try again). `created`
 * is false when its clientRef already named a case: the answer is then that case, and nothing was written.
 */
export async function submitFeedbackWith(db: Db, ref: CaseReference, actor: Actor, input: FeedbackInput, now: Date, request?: FastifyRequest, photos: ProcessedPhoto[] = []) {
  const category = ref.category(KIND, input.category);
  if (!category) throw new AppError('reference_not_found', {}, 'category');
  if (input.anonymous && !category.allow_anonymous) throw new AppError('anonymous_not_accepted', { categoryVi: category.name_vi, categoryEn: category.name_en }, 'anonymous');
  if (!input.anonymous && !input.contact) throw new AppError('contact_required', {}, 'contact');
  const unit = routeFor(ref, { kind: KIND, category: category.code, placeUnitId: input.placeUnitId, date: vnDate(now) });
  // Without a pin, the first photo's EXIF location stands for it (the photo itself keeps none).
  const located = input.lat !== undefined && input.lon !== undefined ? { lat: input.lat, lon: input.lon } : photos.find((p) => p.gps)?.gps ?? null;
  const opened = await openCase(db, ref, actor, {
    kind: KIND, category, description: input.description, channel: input.channel, placeUnitId: input.placeUnitId, unitId: unit.id,
    lat: located?.lat ?? null, lon: located?.lon ?? null, photos, clientRef: input.clientRef ?? null,
    data: { anonymous: input.anonymous, contact: input.anonymous ? null : input.contact, consentAt: now.toISOString() },
  }, now, request);
  if (opened === STALE) return STALE;
  if (!opened.created) return { ...(await submittedBefore(db, ref, opened)), created: false };
  return { trackingCode: opened.trackingCode, state: opened.state, dueDate: opened.dueDate, unit: { id: unit.id, name: unit.name }, photos: photos.length, located: located !== null, created: true };
}

/** The answer to a report sent again under its clientRef: the case it made, as it stands now. */
async function submittedBefore(db: Db, ref: CaseReference, opened: OpenedCase) {
  const row = await getCase(db, opened.id);
  const photos = await listCasePhotos(db, opened.id);
  const unit = opened.unitId === null ? null : ref.unit(opened.unitId);
  return {
    trackingCode: opened.trackingCode, state: opened.state, dueDate: opened.dueDate, unit: { id: opened.unitId ?? 0, name: unit?.name ?? '' },
    photos: photos.length, located: row?.lat !== null && row?.lat !== undefined,
  };
}

export interface SubmitFeedbackOptions { db: Db; actor: Actor; input: FeedbackInput; photos: ProcessedPhoto[]; now: Date; request?: FastifyRequest }

/** Receives a report on the committed case reference, tried again when the reference changes under it. */
export async function submitFeedback({ db, actor, input, photos, now, request }: SubmitFeedbackOptions) {
  return withReference(db, (ref) => submitFeedbackWith(db, ref, actor, input, now, request, photos));
}

/** The report and its photos, from JSON or from a multipart form (report as JSON in the field `report`). */
export async function readIntake(request: FastifyRequest): Promise<{ input: FeedbackInput; photos: ProcessedPhoto[] }> {
  const { input, files } = await readJsonWithFiles(request, { schema: ZFeedback, jsonField: 'report', fileField: 'photos', notJson: 'report_json_required' });
  return { input, photos: await processPhotos(files) };
}
