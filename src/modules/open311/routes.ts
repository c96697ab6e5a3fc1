import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { touchToken } from '../../core/tokens/index.js';
import { STALE, withReference, type CaseReference, ENDED_STATES, type CaseState, processPhotos, type ProcessedPhoto } from '../../core/cases/index.js';
import { inForce } from '../../core/org-units/index.js';
import { vnDate, VN_UTC_OFFSET_MS } from '../../core/calendar/index.js';
import { AppError } from '../../server/errors.js';
import { formatMessage } from '../../server/error-codes/index.js';
import { KIND, communeAt, submitFeedbackWith, publicText } from '../feedback/index.js';
import { Open311Error, send, sendError, splitFormat, type Format } from './format.js';
import { readMultipart } from '../../server/multipart.js';

const BASE = '/open311/v2';
const CLOSED = ENDED_STATES;
const open = { access: { public: true as const } };
/** Open311 wants ISO 8601 with a time zone; Vietnamese local time reads best for the province's partners. */
const w3c = (at: Date | null) => (at ? `${new Date(at.getTime() + VN_UTC_OFFSET_MS).toISOString().slice(0, 19)}+07:00` : '');

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function formatOf(request: FastifyRequest): Format {
  const url = request.url.split('?')[0] ?? '';
  return url.endsWith('.json') ? 'json' : 'xml';
}

/**
 * Open311 GeoReport v2 under /open311/v2/: discovery, services, service definitions, requests (GET with its filters
 * and the page/page_size extension; POST with an api_key, an API token of scope open311), one request, tokens, and
 * FixMyStreet's servicerequestupdates — in XML and JSON, with Open311's own error format.
 */
export async function open311Routes(app: FastifyInstance): Promise<void> {
  await app.register(formbody);
  const { db, now } = app.ctx;

  app.setErrorHandler((err, request, reply) => {
    const format = formatOf(request);
    if (err instanceof Open311Error) return sendError(reply, format, err.status, err.description);
    if (err instanceof AppError) {
      const status = err.status === 404 ? 404 : err.status === 403 ? 403 : 400;
      return sendError(reply, format, status, `${err.field ? `${err.field}: ` : ''}${formatMessage(err.code, 'en', err.params)}`);
    }
    if (hasZodFastifySchemaValidationErrors(err)) return sendError(reply, format, 400, err.message);
    request.log.error({ err }, 'open311 error');
    return sendError(reply, format, 400, 'General service error');
  });

  const categories = () => db.selectFrom('case_category').selectAll().where('kind', '=', KIND).where('active', '=', true).orderBy('sort').execute();

  app.get(`${BASE}/discovery.json`, { config: open }, async (request, reply) => {
    const base = `${originOf(request)}${BASE}`;
    return send(reply, 'json', {
      changeset: '2026-11-25T00:00:00+07:00', contact: 'Tỉnh Số — phản ánh kiến nghị', key_service: 'API tokens of scope open311 from the province administrator',
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: base, changeset: '2026-11-25T00:00:00+07:00', type: 'production', formats: ['text/xml', 'application/json'] }],
    }, { root: 'discovery' });
  });

  app.get(`${BASE}/:file`, { config: open }, async (request, reply) => {
    const { name, format } = splitFormat((request.params as { file: string }).file);
    if (name === 'services') {
      const list = (await categories()).map((c) => ({
        service_code: c.code, service_name: c.name_vi, description: `${c.name_en}. Thời hạn xử lý: ${c.deadline_working_days} ngày làm việc.`,
        metadata: true, type: 'realtime', keywords: c.name_en, group: 'phan-anh-kien-nghi',
      }));
      return send(reply, format, list, { root: 'services', item: 'service' });
    }
    if (name === 'requests') return send(reply, format, await listRequests(request.query as Record<string, string>, originOf(request)), { root: 'service_requests', item: 'request' });
    if (name === 'servicerequestupdates') return send(reply, format, await listUpdates(request.query as Record<string, string>), { root: 'service_request_updates', item: 'request_update' });
    throw new Open311Error(404, `no resource ${name}`);
  });

  app.get(`${BASE}/services/:file`, { config: open }, async (request, reply) => {
    const { name, format } = splitFormat((request.params as { file: string }).file);
    const category = (await categories()).find((c) => c.code === name);
    if (!category) throw new Open311Error(404, `service_code ${name} not found`);
    const communes = await db.selectFrom('org_unit as u').select(['u.code', 'u.name']).where('u.level', '=', 'commune').where(inForce(vnDate(now()))).orderBy('u.name').execute();
    return send(reply, format, {
      service_code: category.code,
      attributes: [{
        variable: true, code: 'commune', datatype: 'singlevaluelist', required: false, order: 1,
        datatype_description: 'Mã đơn vị hành chính cấp xã nơi xảy ra sự việc; bắt buộc khi không có tọa độ nằm trong ranh giới đã nạp',
        description: 'Xã, phường / Commune', values: communes.map((c) => ({ key: c.code, name: c.name })),
      }],
    }, { root: 'service_definition' });
  });

  app.get(`${BASE}/requests/:file`, { config: open }, async (request, reply) => {
    const { name, format } = splitFormat((request.params as { file: string }).file);
    const found = await listRequests({ service_request_id: name, extensions: (request.query as Record<string, string>).extensions ?? '' }, originOf(request));
    if (!found.length) throw new Open311Error(404, `service_request_id ${name} not found`);
    return send(reply, format, found, { root: 'service_requests', item: 'request' });
  });

  app.get(`${BASE}/tokens/:file`, { config: open }, async (request, reply) => {
    const { name, format } = splitFormat((request.params as { file: string }).file);
    // Requests are realtime: the token is the request's id itself.
    const row = await db.selectFrom('case_record').select('tracking_code').where('kind', '=', KIND).where('tracking_code', '=', name.toUpperCase()).executeTakeFirst();
    if (!row) throw new Open311Error(404, `token ${name} not found`);
    return send(reply, format, [{ service_request_id: row.tracking_code, token: row.tracking_code }], { root: 'service_requests', item: 'request' });
  });

  app.post(`${BASE}/:file`, { config: { ...open, rateLimit: { max: app.ctx.config.open311RatePerMinute, timeWindow: '1 minute' } }, bodyLimit: 64 * 1024 }, async (request, reply) => {
    const { name, format } = splitFormat((request.params as { file: string }).file);
    if (name !== 'requests') throw new Open311Error(404, `no resource ${name}`);
    // FixMyStreet and other clients send a photo as multipart/form-data in the field `media`.
    const multipartForm = request.isMultipart() ? await readMultipart(request, ['media']) : null;
    const body = (multipartForm?.fields ?? request.body ?? {}) as Record<string, string>;
    const at = now();
    let photos: Promise<ProcessedPhoto[]> | undefined;
    // The token, the place and the case are all decided on one version of the case reference (see withReference);
    // the key is checked first, so nothing of an unauthorised request is processed.
    const result = await withReference(db, async (ref) => {
      const token = body.api_key ? ref.token(body.api_key, at) : null;
      if (!token || !token.scopes.includes('open311')) throw new Open311Error(403, 'api_key is missing or not valid for Open311');
      if (!body.service_code) throw new Open311Error(400, 'service_code is required');
      const lat = body.lat !== undefined && body.lat !== '' ? Number(body.lat) : undefined;
      const lon = body.long !== undefined && body.long !== '' ? Number(body.long) : undefined;
      if ((lat !== undefined && !Number.isFinite(lat)) || (lon !== undefined && !Number.isFinite(lon))) throw new Open311Error(400, 'lat and long must be numbers (WGS84)');
      const communeCode = body['attribute[commune]'] || body.address_id;
      if (lat === undefined && !communeCode && !body.address_string) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
      const placeUnitId = await placeOf(ref, { communeCode, lat, lon });
      if (!placeUnitId) throw new Open311Error(400, 'the commune could not be determined: give attribute[commune] with a commune code from the service definition');
      const name_ = [body.first_name, body.last_name].filter(Boolean).join(' ').trim();
      const contact = name_ || body.email || body.phone ? { name: name_ || body.email || body.phone!, ...(body.email ? { email: body.email } : {}), ...(body.phone ? { phone: body.phone } : {}) } : undefined;
      const description = [body.description ?? '', body.address_string ? `(Địa chỉ: ${body.address_string})` : ''].filter(Boolean).join(' ').trim();
      if (description.length > 4000) throw new Open311Error(400, 'description is longer than 4,000 characters');
      photos ??= multipartForm ? processPhotos(multipartForm.files, 'media').catch((err: unknown) => {
        if (err instanceof AppError) throw new Open311Error(400, `media: ${formatMessage(err.code, 'en', err.params)}`);
        throw err;
      }) : Promise.resolve([]);
      const sent = await submitFeedbackWith(db, ref, token, {
        category: body.service_code, description: description.length >= 10 ? description : `${description} — ${body.service_code}`.trim(), placeUnitId,
        lat, lon, anonymous: !contact, contact, consent: true, channel: 'web',
      }, at, request, await photos).catch((err: unknown) => {
        if (err instanceof AppError && err.field === 'category') throw new Open311Error(400, `service_code ${body.service_code} not found`);
        throw err;
      });
      if (sent !== STALE) await touchToken(db, token.id, at);
      return sent;
    });
    return send(reply, format, [{
      service_request_id: result.trackingCode,
      service_notice: `Đã chuyển đến ${result.unit.name}; hạn xử lý ${result.dueDate}.`,
      account_id: '',
    }], { root: 'service_requests', item: 'request' }, 201);
  });

  /** The commune of a report: its code as given, or the commune whose loaded boundary holds the point. */
  async function placeOf(ref: CaseReference, input: { communeCode?: string; lat?: number; lon?: number }): Promise<number | null> {
    const today = vnDate(now());
    if (input.communeCode) {
      const unit = ref.unitByCode(input.communeCode, today);
      if (!unit || unit.level !== 'commune') throw new Open311Error(400, `attribute[commune] ${input.communeCode} is not a commune in force`);
      return unit.id;
    }
    if (input.lat === undefined || input.lon === undefined) return null;
    return (await communeAt(db, { lat: input.lat, lon: input.lon }, today))?.id ?? null;
  }

  async function listRequests(query: Record<string, string>, origin: string) {
    let q = db.selectFrom('case_record as c')
      .innerJoin('case_category as k', (j) => j.onRef('k.kind', '=', 'c.kind').onRef('k.code', '=', 'c.category_code'))
      .leftJoin('org_unit as u', 'u.id', 'c.unit_id')
      .leftJoin('org_unit as p', 'p.id', 'c.place_unit_id')
      .select(['c.id', 'c.tracking_code', 'c.state', 'c.public_answer', 'k.name_vi', 'c.category_code', 'c.description', 'u.name as unit', 'c.received_at',
        'c.updated_at', 'c.due_date', 'p.name as place', 'p.code as place_code', 'c.lat', 'c.lon', 'c.public_description'])
      .select((eb) => eb.selectFrom('case_media as m').select((e) => e.fn.min<number>('m.position').as('p')).whereRef('m.case_id', '=', 'c.id').where('m.hidden', '=', false).as('photo'))
      .where('c.kind', '=', KIND);
    const ids = (query.service_request_id ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    if (ids.length) q = q.where('c.tracking_code', 'in', ids);
    else {
      const end = query.end_date ? new Date(query.end_date) : now();
      const start = query.start_date ? new Date(query.start_date) : new Date(end.getTime() - 90 * 86_400_000);
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new Open311Error(400, 'start_date and end_date must be W3C dates');
      if (end.getTime() - start.getTime() > 90 * 86_400_000) throw new Open311Error(400, 'start_date and end_date may be at most 90 days apart');
      q = q.where('c.received_at', '>=', start).where('c.received_at', '<=', end);
      if (query.service_code) q = q.where('c.category_code', 'in', query.service_code.split(','));
      if (query.status === 'open') q = q.where('c.state', 'not in', CLOSED);
      else if (query.status === 'closed') q = q.where('c.state', 'in', CLOSED);
      else if (query.status) throw new Open311Error(400, 'status must be open or closed');
    }
    const pageSize = Math.min(1000, Math.max(1, Number(query.page_size ?? 1000) || 1000));
    const page = Math.max(1, Number(query.page ?? 1) || 1);
    const rows = await q.orderBy('c.received_at', 'desc').orderBy('c.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
    const notes = query.extensions === 'true' && rows.length
      ? await db.selectFrom('case_event').select(['case_id', 'at', 'action', 'to_state', 'note']).where('case_id', 'in', rows.map((r) => r.id)).where('internal', '=', false).orderBy('id').execute()
      : [];
    return rows.map((r) => ({
      service_request_id: r.tracking_code, status: CLOSED.includes(r.state) ? 'closed' : 'open', status_notes: r.public_answer ?? '',
      service_name: r.name_vi, service_code: r.category_code, description: publicText(r), agency_responsible: r.unit ?? '', service_notice: '',
      requested_datetime: w3c(r.received_at), updated_datetime: w3c(r.updated_at), expected_datetime: `${r.due_date}T17:00:00+07:00`,
      address: r.place ?? '', address_id: r.place_code ?? '', zipcode: '', lat: r.lat ?? '', long: r.lon ?? '', media_url: r.photo ? `${origin}/api/public/feedback/${r.tracking_code}/photos/${r.photo}` : '',
      ...(query.extensions === 'true' ? {
        extended_attributes: { state: r.state },
        notes: notes.filter((n) => n.case_id === r.id).map((n) => ({ datetime: w3c(n.at), type: n.action, status: n.to_state ?? '', summary: n.action === 'answer' || n.action === 'return' ? n.note ?? '' : '' })),
      } : {}),
    }));
  }

  async function listUpdates(query: Record<string, string>) {
    const end = query.end_date ? new Date(query.end_date) : now();
    const start = query.start_date ? new Date(query.start_date) : new Date(end.getTime() - 86_400_000);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new Open311Error(400, 'start_date and end_date must be W3C dates');
    const rows = await db.selectFrom('case_event as e').innerJoin('case_record as c', 'c.id', 'e.case_id')
      .select(['e.id', 'c.tracking_code', 'e.to_state', 'e.at', 'e.action', 'e.note'])
      .where('c.kind', '=', KIND).where('e.internal', '=', false).where('e.to_state', 'is not', null)
      .where('e.at', '>=', start).where('e.at', '<=', end).orderBy('e.id').limit(1000).execute();
    return rows.map((r) => ({
      update_id: String(r.id), service_request_id: r.tracking_code, status: CLOSED.includes(r.to_state as CaseState) ? 'closed' : 'open',
      updated_datetime: w3c(r.at), description: r.action === 'answer' || r.action === 'return' ? r.note ?? '' : r.action, media_url: '',
    }));
  }
}
