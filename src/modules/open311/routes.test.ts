import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let apiKey: string;
let readOnlyKey: string;
const xml = new XMLParser({ parseTagValue: false });

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  apiKey = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Ứng dụng đối tác', scopes: ['open311'] } })).json().token;
  readOnlyKey = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Chỉ đọc', scopes: ['read'] } })).json().token;
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (fields: Record<string, string>, format = 'json') =>
  t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: nextLoopback() });

describe('Open311 GeoReport v2', () => {
  it('discovery.json names the endpoint and both formats', async () => {
    const d = (await get('/open311/v2/discovery.json')).json();
    expect(d.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', formats: ['text/xml', 'application/json'] });
  });

  it('services in JSON and XML', async () => {
    const json = (await get('/open311/v2/services.json')).json();
    expect(json).toHaveLength(17);
    expect(json[0]).toMatchObject({ service_code: 'TRAFFIC', service_name: 'Giao thông, đường sá, cầu cống', metadata: true, type: 'realtime' });
    const res = await get('/open311/v2/services.xml');
    expect(res.headers['content-type']).toContain('text/xml');
    const parsed = xml.parse(res.body);
    expect(parsed.services.service).toHaveLength(17);
    expect(parsed.services.service[1].service_code).toBe('LIGHTING');
  });

  it('a service definition offers the communes in force as a single-value list', async () => {
    const def = (await get('/open311/v2/services/DRAINAGE.json')).json();
    expect(def.service_code).toBe('DRAINAGE');
    expect(def.attributes[0]).toMatchObject({ code: 'commune', datatype: 'singlevaluelist', variable: true });
    expect(def.attributes[0].values).toHaveLength(103);
    const parsed = xml.parse((await get('/open311/v2/services/DRAINAGE.xml')).body);
    expect(parsed.service_definition.attributes.attribute.code).toBe('commune');
    expect(parsed.service_definition.attributes.attribute.values.value).toHaveLength(103);
  });

  it('POST requests with an api_key creates a request; GET it back, by id and in the list, in both formats', async () => {
    const res = await post({ api_key: apiKey, service_code: 'DRAINAGE', 'attribute[commune]': '31507', lat: '9.60', long: '105.97', description: 'Cống bị tắc trước chợ, nước tràn lên đường', first_name: 'Lan', last_name: 'Nguyễn', email: 'lan@example.org' });
    expect(res.statusCode).toBe(201);
    const [created] = res.json();
    expect(created.service_request_id).toMatch(/^FE-/);
    expect(created.service_notice).toContain('Phường Sóc Trăng');
    const one = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json();
    expect(one[0]).toMatchObject({ service_request_id: created.service_request_id, status: 'open', service_code: 'DRAINAGE', agency_responsible: 'Phường Sóc Trăng', address_id: '31507' });
    expect(one[0].requested_datetime).toMatch(/\+07:00$/);
    expect(one[0].expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T17:00:00\+07:00$/);
    expect(JSON.stringify(one)).not.toContain('lan@example.org');
    const list = (await get('/open311/v2/requests.json?status=open&service_code=DRAINAGE')).json();
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toContain(created.service_request_id);
    const parsed = xml.parse((await get(`/open311/v2/requests/${created.service_request_id}.xml?extensions=true`)).body);
    expect(parsed.service_requests.request.service_request_id).toBe(created.service_request_id);
    expect(parsed.service_requests.request.notes).toBeDefined();
    const token = (await get(`/open311/v2/tokens/${created.service_request_id}.json`)).json();
    expect(token[0]).toEqual({ service_request_id: created.service_request_id, token: created.service_request_id });
  });

  it('finds the commune from lat/long when its boundary has been uploaded', async () => {
    const admin = await t.login('admin');
    const square = { type: 'Polygon', coordinates: [[[105.96, 9.59], [105.99, 9.59], [105.99, 9.62], [105.96, 9.62], [105.96, 9.59]]] };
    const upload = await admin.request({ method: 'PUT', url: '/api/org-units/boundaries', payload: { source: 'thử nghiệm', collection: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '31507' }, geometry: square }] } } });
    expect(upload.statusCode).toBe(200);
    const [created] = (await post({ api_key: apiKey, service_code: 'LIGHTING', lat: '9.605', long: '105.975', description: 'Đèn đường tắt cả tuần' })).json();
    expect((await get(`/open311/v2/requests/${created.service_request_id}.json`)).json()[0]).toMatchObject({ address_id: '31507', agency_responsible: 'Phường Sóc Trăng' });
  });

  it('closed requests and the FixMyStreet updates feed follow the handling', async () => {
    const [created] = (await post({ api_key: apiKey, service_code: 'WASTE', 'attribute[commune]': '31507', description: 'Rác tồn đọng ở khóm 2 nhiều ngày' })).json();
    const row = await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', created.service_request_id).executeTakeFirstOrThrow();
    const officer = await t.login('canbo');
    for (const payload of [{ action: 'accept' }, { action: 'answer', answer: 'Đã thu gom rác.' }, { action: 'close' }]) {
      expect((await officer.request({ method: 'POST', url: `/api/feedback/cases/${row.id}/actions`, payload })).statusCode).toBe(200);
    }
    const closed = (await get('/open311/v2/requests.json?status=closed')).json();
    expect(closed.find((r: { service_request_id: string }) => r.service_request_id === created.service_request_id)).toMatchObject({ status: 'closed', status_notes: 'Đã thu gom rác.' });
    const updates = (await get('/open311/v2/servicerequestupdates.json')).json();
    expect(updates.filter((u: { service_request_id: string }) => u.service_request_id === created.service_request_id).map((u: { status: string; description: string }) => [u.status, u.description]))
      .toEqual([['open', 'receive'], ['open', 'route'], ['open', 'accept'], ['open', 'Đã thu gom rác.'], ['closed', 'close']]);
  });

  it('pages with page and page_size', async () => {
    const first = (await get('/open311/v2/requests.json?page_size=1&page=1')).json();
    const second = (await get('/open311/v2/requests.json?page_size=1&page=2')).json();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first[0].service_request_id).not.toBe(second[0].service_request_id);
  });

  describe('errors in Open311 format, JSON and XML', () => {
    it.each([
      ['a missing api_key', {}, 403, /api_key/],
      ['a token without the open311 scope', { api_key: 'READONLY' }, 403, /api_key/],
      ['no service_code', { api_key: 'KEY' }, 400, /service_code is required/],
      ['an unknown service_code', { api_key: 'KEY', service_code: 'NOPE', 'attribute[commune]': '31507', description: 'Mô tả đủ dài để gửi' }, 400, /service_code NOPE not found/],
      ['no location', { api_key: 'KEY', service_code: 'WASTE', description: 'Mô tả đủ dài để gửi' }, 400, /location is required/],
      ['a commune that no longer exists', { api_key: 'KEY', service_code: 'WASTE', 'attribute[commune]': '31498', description: 'Mô tả đủ dài để gửi' }, 400, /not a commune in force/],
      ['a bad latitude', { api_key: 'KEY', service_code: 'WASTE', lat: 'north', long: '106', description: 'Mô tả đủ dài' }, 400, /must be numbers/],
    ])('%s', async (_name, fields, status, description) => {
      const real = Object.fromEntries(Object.entries(fields as Record<string, string>).map(([k, v]) => [k, v === 'KEY' ? apiKey : v === 'READONLY' ? readOnlyKey : v]));
      const json = await post(real, 'json');
      expect(json.statusCode).toBe(status);
      expect(json.json()).toEqual([{ code: status, description: expect.stringMatching(description) }]);
      const asXml = await post(real, 'xml');
      expect(asXml.statusCode).toBe(status);
      expect(xml.parse(asXml.body).errors.error.code).toBe(String(status));
    });

    it('404 for an unknown request, service or resource; 400 for a bad format or date range', async () => {
      expect((await get('/open311/v2/requests/FE-2222-2222.json')).statusCode).toBe(404);
      expect((await get('/open311/v2/services/NOPE.xml')).statusCode).toBe(404);
      expect(xml.parse((await get('/open311/v2/services/NOPE.xml')).body).errors.error.code).toBe('404');
      expect((await get('/open311/v2/widgets.json')).statusCode).toBe(404);
      // An unknown format answers in XML, the format every Open311 server supports.
      expect(xml.parse((await get('/open311/v2/services.csv')).body).errors.error).toEqual({ code: '400', description: 'the URL must end in .json or .xml' });
      expect((await get('/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z')).json()[0].description).toMatch(/90 days/);
      expect((await get('/open311/v2/requests.json?status=pending')).statusCode).toBe(400);
    });
  });
});
