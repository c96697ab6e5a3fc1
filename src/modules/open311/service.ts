import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { VN_UTC_OFFSET_MS, vnDate } from '../../core/calendar/index.js';
import {
  activeCategories, caseStateChanges, ENDED_STATES, feedCases, processPhotos, publicEventsOf, STALE, withReference, type CaseReference, type CaseState, type ProcessedPhoto,
  type UploadedFile,
} from '../../core/cases/index.js';
import { touchToken } from '../../core/tokens/index.js';
import { formatMessage } from '../../server/error-codes/index.js';
import { AppError } from '../../server/errors.js';
import { communeAt, HIDDEN_FROM_PUBLIC, KIND, listPlaces, publicText, publicWords, submitFeedbackWith, ZFeedback } from '../feedback/index.js';
import { Open311Error } from './format.js';
import { assertMayPost, open311Status, pageOf, requestWindow } from './policy.js';
import { open311Problem } from './schema.js';

/** Open311 wants ISO 8601 with a time zone; Vietnamese local time reads best for the province's partners. */
const w3c = (at: Date | null) => (at ? `${new Date(at.getTime() + VN_UTC_OFFSET_MS).toISOString().slice(0, 19)}+07:00` : '');
const publicSummary = (e: { action: string; note: string | null }) => (e.action === 'answer' || e.action === 'return' ? publicWords(e.note) ?? '' : '');

export async function listServices(db: Db) {
  return (await activeCategories(db, KIND)).map((c) => ({
    service_code: c.code, service_name: c.name_vi, description: `${c.name_en}. Thời hạn xử lý: ${c.deadline_working_days} ngày làm việc.`,
    metadata: true, type: 'realtime', keywords: c.name_en, group: 'phan-anh-kien-nghi',
  }));
}

/** A service's definition: the one attribute asked, the commune, with the communes in force today. */
export async function serviceDefinition({ db, code, now }: { db: Db; code: string; now: Date }) {
  const category = (await activeCategories(db, KIND)).find((c) => c.code === code);
  if (!category) throw new Open311Error(404, `service_code ${code} not found`);
  const communes = await listPlaces(db, vnDate(now));
  return {
    service_code: category.code,
    attributes: [{
      variable: true, code: 'commune', datatype: 'singlevaluelist', required: false, order: 1,
      datatype_description: 'Mã đơn vị hành chính cấp xã nơi xảy ra sự việc; khi không có và tọa độ không nằm trong ranh giới đã nạp, phản ánh đến bộ phận tiếp nhận của tỉnh để xác định nơi xảy ra',
      description: 'Xã, phường / Commune', values: communes.map((c) => ({ key: c.code, name: c.name })),
    }],
  };
}

/** GET requests: by id (service_request_id, a list), or by window, service and status, a page at a time. */
export async function listRequests({ db, query, origin, now }: { db: Db; query: Record<string, string>; origin: string; now: Date }) {
  const codes = (query.service_request_id ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  let filter = {};
  if (!codes.length) {
    const received = requestWindow(query, now, 90, 90);
    if (query.status && query.status !== 'open' && query.status !== 'closed') throw new Open311Error(400, 'status must be open or closed');
    filter = {
      received,
      categories: query.service_code ? query.service_code.split(',') : undefined,
      states: query.status ? { in: query.status === 'closed', list: ENDED_STATES } : undefined,
      // A list shows what the public list shows; a request asked for by its id is shown as its public page is.
      hiddenStates: HIDDEN_FROM_PUBLIC,
    };
  }
  const rows = await feedCases(db, { kind: KIND, codes: codes.length ? codes : undefined, ...filter, ...pageOf(query) });
  const withNotes = query.extensions === 'true';
  const notes = withNotes && rows.length ? await publicEventsOf(db, rows.map((r) => r.id)) : [];
  return rows.map((r) => ({
    service_request_id: r.tracking_code, status: open311Status(r.state), status_notes: publicWords(r.public_answer) ?? '',
    service_name: r.name_vi, service_code: r.category_code, description: publicText(r), agency_responsible: r.unit ?? '', service_notice: '',
    requested_datetime: w3c(r.received_at), updated_datetime: w3c(r.updated_at), expected_datetime: `${r.due_date}T17:00:00+07:00`,
    address: r.place ?? '', address_id: r.place_code ?? '', zipcode: '', lat: r.lat ?? '', long: r.lon ?? '', media_url: r.photo ? `${origin}/api/public/feedback/${r.tracking_code}/photos/${r.photo}` : '',
    ...(withNotes ? {
      extended_attributes: { state: r.state },
      notes: notes.filter((n) => n.case_id === r.id).map((n) => ({ datetime: w3c(n.at), type: n.action, status: n.to_state ?? '', summary: publicSummary(n) })),
    } : {}),
  }));
}

/** FixMyStreet's servicerequestupdates: the public state changes of a window (the last day by default). */
export async function listUpdates({ db, query, now }: { db: Db; query: Record<string, string>; now: Date }) {
  const { from, to } = requestWindow(query, now, 1);
  const rows = await caseStateChanges(db, { kind: KIND, from, to, limit: 1000, hiddenStates: HIDDEN_FROM_PUBLIC });
  return rows.map((r) => ({
    update_id: String(r.id), service_request_id: r.tracking_code, status: open311Status(r.to_state as CaseState),
    updated_datetime: w3c(r.at), description: r.action === 'answer' || r.action === 'return' ? publicWords(r.note) ?? '' : r.action, media_url: '',
  }));
}

/** Requests are realtime: the token is the request's id itself. */
export async function requestToken({ db, name }: { db: Db; name: string }) {
  const [found] = await feedCases(db, { kind: KIND, codes: [name.toUpperCase()], page: 1, pageSize: 1 });
  if (!found) throw new Open311Error(404, `token ${name} not found`);
  return [{ service_request_id: found.tracking_code, token: found.tracking_code }];
}

/** The commune of a report: its code as given, or the commune whose loaded boundary holds the point. */
async function placeOf(db: Db, ref: CaseReference, input: { communeCode?: string; lat?: number; lon?: number }, today: string): Promise<number | null> {
  if (input.communeCode) {
    const unit = ref.unitByCode(input.communeCode, today);
    if (!unit || unit.level !== 'commune') throw new Open311Error(400, `attribute[commune] ${input.communeCode} is not a commune in force`);
    return unit.id;
  }
  if (input.lat === undefined || input.lon === undefined) return null;
  return (await communeAt(db, { lat: input.lat, lon: input.lon }, today))?.id ?? null;
}

const numberOf = (text: string | undefined) => (text !== undefined && text !== '' ? Number(text) : undefined);

export interface CreateRequestOptions { db: Db; body: Record<string, string>; files: UploadedFile[] | null; now: Date; request?: FastifyRequest }

/**
 * POST requests: the token, the place and the case are all decided on one version of the case reference (see
 * withReference); the key is checked first, so nothing of an unauthorised request is processed.
 */
export async function createRequest({ db, body, files, now, request }: CreateRequestOptions) {
  let photos: Promise<ProcessedPhoto[]> | undefined;
  const result = await withReference(db, async (ref) => {
    const token = body.api_key ? ref.token(body.api_key, now) : null;
    assertMayPost(token);
    if (!body.service_code) throw new Open311Error(400, 'service_code is required');
    const lat = numberOf(body.lat);
    const lon = numberOf(body.long);
    if ((lat !== undefined && !Number.isFinite(lat)) || (lon !== undefined && !Number.isFinite(lon))) throw new Open311Error(400, 'lat and long must be numbers (WGS84)');
    const communeCode = body['attribute[commune]'] || body.address_id;
    if (lat === undefined && !communeCode && !body.address_string) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
    // A point no loaded boundary holds still reaches the province, whose triage places it (as a call centre would).
    const placeUnitId = (await placeOf(db, ref, { communeCode, lat, lon }, vnDate(now))) ?? undefined;
    const name = [body.first_name, body.last_name].filter(Boolean).join(' ').trim();
    const contact = name || body.email || body.phone ? { name: name || body.email || body.phone!, ...(body.email ? { email: body.email } : {}), ...(body.phone ? { phone: body.phone } : {}) } : undefined;
    const description = [body.description ?? '', body.address_string ? `(Địa chỉ: ${body.address_string})` : ''].filter(Boolean).join(' ').trim();
    if (description.length > 4000) throw new Open311Error(400, 'description is longer than 4,000 characters');
    photos ??= files ? processPhotos(files, 'media').catch((err: unknown) => {
      if (err instanceof AppError) throw new Open311Error(400, `media: ${formatMessage(err.code, 'en', err.params)}`);
      throw err;
    }) : Promise.resolve([]);
    // The same rules as the feedback form's: Open311 is one more entrance, not a way around them.
    const checked = ZFeedback.safeParse({
      category: body.service_code, description: description.length >= 10 ? description : `${description} — ${body.service_code}`.trim(), placeUnitId,
      lat, lon, anonymous: !contact, contact, consent: true, channel: 'web',
    });
    if (!checked.success) throw new Open311Error(400, open311Problem(checked.error.issues[0]!));
    const sent = await submitFeedbackWith(db, ref, token, checked.data, now, request, await photos).catch((err: unknown) => {
      if (err instanceof AppError && err.field === 'category') throw new Open311Error(400, `service_code ${body.service_code} not found`);
      throw err;
    });
    if (sent !== STALE) await touchToken(db, token.id, now);
    return sent;
  });
  return [{ service_request_id: result.trackingCode, service_notice: `Đã chuyển đến ${result.unit.name}; hạn xử lý ${result.dueDate}.`, account_id: '' }];
}
