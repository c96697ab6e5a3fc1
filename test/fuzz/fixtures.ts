import { phonePhoto, form } from '../photos.js';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../helpers.js';
import type { Files } from './cases.js';
import { typeOf, type Hint, type Schema } from './generate.js';
import type { Operation } from './operations.js';

export const OFFICER = { username: 'fuzz-officer', password: 'mat-khau-fuzz-2026' };

/**
 * The world the fuzzer attacks: things of Phường Sóc Trăng (31507, the demo officer's ward) — a citizen's case with a
 * photo, a report with an attachment, an answer template — and an officer of another ward, Phường Phú Lợi (31510).
 */
export interface World {
  t: TestApp;
  admin: Session;
  officer: Session;
  ids: {
    unit: number; otherUnit: number; user: number; caseId: number; media: number; report: number; attachment: number;
    template: number; token: number; dataValue: number; notification: number;
  };
  trackingCode: string;
  codes: { elements: string[]; indicators: string[]; regimes: string[]; categories: string[] };
  /** Well-formed files for the routes that take one: a phone's JPEG, a PDF, the report's own workbook. */
  files: Files;
}

async function ok(what: string, pending: ReturnType<Session['request']>): Promise<Record<string, unknown>> {
  const res = await pending;
  if (res.statusCode >= 300) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? {} : res.json();
}

const PDF = Buffer.from('%PDF-1.4\n%fuzz\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The world on a fresh app (a replay script may pass an app of its own, with a logger). */
export async function buildWorld(make: () => Promise<TestApp> = createTestApp): Promise<World> {
  const t = await make();
  const db = t.database.db;
  const admin = await t.login('admin');
  const unit = await unitId(t, '31507', '2025-07-01');
  const otherUnit = await unitId(t, '31510', '2025-07-01');
  await ok('officer', admin.request({
    method: 'POST', url: '/api/users',
    payload: { username: OFFICER.username, displayName: 'Cán bộ Phú Lợi (fuzz)', role: 'officer', orgUnitId: otherUnit, password: OFFICER.password },
  }));
  const officer = await t.login(OFFICER.username, OFFICER.password);
  const jpeg = await phonePhoto({ width: 640, height: 480 });

  const report = { category: 'DRAINAGE', description: 'Đường Trần Hưng Đạo ngập sâu sau mưa, cống không thoát nước.', placeUnitId: unit, consent: true, anonymous: false, contact: { name: 'Trần Thị Hoa', email: 'hoa@example.org' } };
  const sent = await t.app.inject({
    method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(),
    body: form({ report: JSON.stringify(report) }, [{ field: 'photos', name: 'anh.jpg', type: 'image/jpeg', data: jpeg }]),
  });
  if (sent.statusCode !== 201) throw new Error(`fixture case: ${sent.statusCode} ${sent.body}`);
  const trackingCode = sent.json().trackingCode as string;
  const kase = await db.selectFrom('case_record').select('id').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow();
  const media = await db.selectFrom('case_media').select('id').where('case_id', '=', kase.id).executeTakeFirstOrThrow();

  const opened = await ok('report', admin.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: unit, period: '2026M10' } }));
  const reportId = opened.id as number;
  const attached = await ok('attachment', admin.request({
    method: 'POST', url: `/api/reporting/reports/${reportId}/attachments`, body: form({}, [{ field: 'file', name: 'bien-ban.pdf', type: 'application/pdf', data: PDF }]),
  }));
  const attachment = (attached.attachments as { id: number }[] | undefined)?.[0]?.id
    ?? (await db.selectFrom('report_attachment').select('id').where('report_id', '=', reportId).executeTakeFirstOrThrow()).id;
  const template = await ok('template', admin.request({ method: 'POST', url: '/api/feedback/templates', payload: { title: 'Đã xử lý', body: 'Đơn vị đã xử lý xong nội dung phản ánh.' } }));
  const token = await ok('token', admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Fuzz token', scopes: ['read'] } }));
  const user = await db.selectFrom('app_user').select('id').where('username', '=', 'canbo').executeTakeFirstOrThrow();
  const value = await db.selectFrom('data_value').select('id').where('org_unit_id', '!=', otherUnit).orderBy('id').executeTakeFirst();
  const note = await db.selectFrom('notification').select('id').orderBy('id').executeTakeFirst();

  const codes = async (table: 'data_element' | 'indicator' | 'report_regime') => (await db.selectFrom(table).select('code').orderBy('code').limit(4).execute()).map((r) => r.code);
  const categories = (await db.selectFrom('case_category').select('code').orderBy('code').limit(4).execute()).map((r) => r.code);
  const xlsx = (await admin.request({ method: 'GET', url: `/api/reporting/reports/${reportId}/xlsx` })).rawPayload;
  return {
    t, admin, officer, trackingCode, files: { jpeg, pdf: PDF, xlsx },
    ids: {
      unit, otherUnit, user: user.id, caseId: kase.id, media: media.id, report: reportId, attachment, template: template.id as number,
      token: (token.id ?? (token.token as { id: number } | undefined)?.id) as number, dataValue: value?.id ?? 1, notification: note?.id ?? 1,
    },
    codes: { elements: await codes('data_element'), indicators: await codes('indicator'), regimes: await codes('report_regime'), categories },
  };
}

/** What each path parameter `id` names, by the route's prefix. */
function idOf(w: World, url: string): number[] {
  const by: [string, number][] = [
    ['/api/users/', w.ids.user], ['/api/org-units/', w.ids.unit], ['/api/tokens/', w.ids.token], ['/api/data-values/', w.ids.dataValue],
    ['/api/feedback/cases/', w.ids.caseId], ['/api/feedback/templates/', w.ids.template], ['/api/reporting/reports/', w.ids.report],
  ];
  return [by.find(([prefix]) => url.startsWith(prefix))?.[1] ?? 1];
}

function codeOf(w: World, url: string): string[] {
  if (url.startsWith('/api/data-elements/')) return w.codes.elements;
  if (url.startsWith('/api/indicators/') || url.startsWith('/api/scorecard/')) return w.codes.indicators;
  if (url.startsWith('/api/reporting/')) return w.codes.regimes;
  return [w.trackingCode];
}

/** The fixtures' values for the names a route uses, so that a well-formed request names real things of ward 31507. */
export function hintsFor(w: World, op: Operation): Hint {
  const { ids, codes } = w;
  const e = codes.elements[0] ?? 'X';
  return (name: string, schema: Schema) => {
    const type = typeOf(schema);
    const integer = type === 'integer' || type === 'number';
    if (integer && ['orgUnitId', 'unitId', 'placeUnitId', 'parentId', 'unitIds'].includes(name)) return [ids.unit];
    if (integer && ['officerId', 'userId'].includes(name)) return [ids.user];
    if (integer && name === 'ids') return op.url.startsWith('/api/notifications') ? [ids.notification] : [ids.caseId];
    switch (name) {
      case 'id': return op.url.startsWith('/api/imports/') ? ['0b4e7f3a-fuzz'] : idOf(w, op.url);
      case 'mediaId': return [ids.media];
      case 'attachmentId': return [ids.attachment];
      case 'code': return op.method === 'GET' || op.path.some((p) => p.name === 'code') ? codeOf(w, op.url) : undefined;
      case 'date': return ['2026-12-24'];
      case 'file': return ['requests.json', 'services.json', 'requests.xml', 'servicerequestupdates.json', `${w.trackingCode}.json`, 'WASTE.json'];
      case 'element': case 'dataElement': return codes.elements;
      case 'indicator': return codes.indicators;
      case 'regime': case 'dataSet': return codes.regimes;
      case 'category': case 'service_code': return codes.categories;
      case 'numerator': case 'denominator': return [`#{${e}}`, `#{${e}} * 100`];
      case 'period': return ['2026M10', '2026', '2026Q4'];
      case 'periods': return ['2026M10;2026M11', '2025', 'LAST_12_MONTHS'];
      case 'orgUnit': case 'attribute[commune]': case 'address_id': case 'parentCode': return ['31507'];
      // Not the administrator's name: five failures would lock it, and the admin pass signs in again.
      case 'username': return ['canbo', 'khong-co-ai'];
      case 'password': case 'currentPassword': return ['sai-mat-khau-2026'];
      case 'codes': case 'service_request_id': return [w.trackingCode];
      case 'lat': return type === 'string' ? ['9.603'] : [9.603];
      case 'lon': case 'long': return type === 'string' ? ['105.972'] : [105.972];
      case 'api_key': return ['tsk_not-a-real-token', ''];
      case 'start_date': case 'end_date': return ['2026-11-01T00:00:00+07:00'];
      case 'page': case 'page_size': return type === 'string' ? ['1', '20'] : undefined;
      case 'extensions': return ['true'];
      default: return undefined;
    }
  };
}
