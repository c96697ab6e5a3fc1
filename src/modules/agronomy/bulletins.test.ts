import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agronomyWorld, type AgronomyWorld } from '../../../test/agronomy-setup.js';
import { nextLoopback } from '../../../test/helpers.js';

let w: AgronomyWorld;
beforeAll(async () => { w = await agronomyWorld(); });
afterAll(() => w?.t.close());

const pdfText = async (body: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true })).text;

describe('a "né rầy" sowing bulletin from draft to farmers', () => {
  it('is drafted from the traps, approved by another person, published, e-mailed to subscribers and read by the public', async () => {
    // A cooperative of the commune subscribes; an officer outside the unit may not draft for the province.
    const sub = await w.admin.request({ method: 'POST', url: '/api/agronomy/subscriptions', payload: { name: 'HTX Phước An', email: 'htx.phuocan@example.invalid', unitId: w.commune } });
    expect(sub.statusCode, sub.body).toBe(201);
    expect((await w.admin.request({ method: 'POST', url: '/api/agronomy/subscriptions', payload: { name: 'HTX Phước An', email: 'HTX.phuocan@example.invalid', unitId: w.commune } })).statusCode).toBe(409);

    const draft = await w.admin.request({ method: 'POST', url: '/api/agronomy/bulletins', payload: { unitId: w.commune, season: 'Đông Xuân 2026–2027' } });
    expect(draft.statusCode, draft.body).toBe(201);
    const bulletin = draft.json();
    expect(bulletin.status).toBe('draft');
    // Peaks 25 days apart to 19/11: the next on 14/12, its window 3 days later for 7 days, in both calendars.
    expect(bulletin.windows[0]).toMatchObject({ unit: { id: w.commune }, round: 1, peak: '2026-12-14', from: '2026-12-17', to: '2026-12-23' });
    expect(bulletin.windows[0].fromLunar).toMatch(/^\d{1,2}\/\d{1,2}( nhuận)? ÂL$/);
    expect(bulletin.windows[0].fromLunarEn).toMatch(/ lunar$/);
    // The title the platform drafts can be sent back as it is.
    expect((await w.admin.request({ method: 'PATCH', url: `/api/agronomy/bulletins/${bulletin.id}`, payload: { title: bulletin.title } })).statusCode).toBe(200);
    expect(bulletin.forecast.areas[String(w.commune)]).toMatchObject({ intervalDays: 25, intervalFrom: 'traps' });

    // The public does not see a draft.
    expect((await w.t.app.inject({ method: 'GET', url: `/api/public/agronomy/bulletins/${bulletin.id}`, remoteAddress: nextLoopback() })).statusCode).toBe(404);

    // The ward's officer adds the advice: the drafter and the officer have both written it.
    const edited = await w.officer.request({ method: 'PATCH', url: `/api/agronomy/bulletins/${bulletin.id}`, payload: { advice: 'Ngâm ủ giống trước 2 ngày; gieo sạ tập trung, đồng loạt.' } });
    expect(edited.statusCode, edited.body).toBe(200);
    const backwards = await w.admin.request({ method: 'PATCH', url: `/api/agronomy/bulletins/${bulletin.id}`, payload: { windows: [{ unitId: w.commune, from: '2026-12-20', to: '2026-12-10', peak: '2026-12-14', round: 1 }] } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(/ngày bắt đầu/);

    // Four eyes: the drafter may not approve, an officer may not either; the reviewer does.
    const own = await w.admin.request({ method: 'POST', url: `/api/agronomy/bulletins/${bulletin.id}/approve` });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('bulletin_own_approval');
    expect((await w.officer.request({ method: 'POST', url: `/api/agronomy/bulletins/${bulletin.id}/approve` })).statusCode).toBe(403);
    expect((await w.reviewer.request({ method: 'POST', url: `/api/agronomy/bulletins/${bulletin.id}/publish` })).json().error.code).toBe('bulletin_not_approved');
    expect((await w.reviewer.request({ method: 'POST', url: `/api/agronomy/bulletins/${bulletin.id}/approve` })).json().status).toBe('approved');
    const afterApproval = await w.admin.request({ method: 'PATCH', url: `/api/agronomy/bulletins/${bulletin.id}`, payload: { advice: 'x' } });
    expect(afterApproval.statusCode).toBe(409);
    const published = await w.reviewer.request({ method: 'POST', url: `/api/agronomy/bulletins/${bulletin.id}/publish` });
    expect(published.json()).toMatchObject({ status: 'published', approvedBy: 'thamdinh', publishedBy: 'thamdinh' });

    // The public list, page and PDF; the PDF reads back the windows in solar and lunar dates and the advice.
    const list = (await w.t.app.inject({ method: 'GET', url: '/api/public/agronomy/bulletins', remoteAddress: nextLoopback() })).json();
    expect(list.bulletins.map((b: { id: number }) => b.id)).toContain(bulletin.id);
    // No officer's login name reaches the public.
    expect(JSON.stringify(list)).not.toMatch(/thamdinh|"admin"|canbo/);
    const pdf = await w.t.app.inject({ method: 'GET', url: `/api/public/agronomy/bulletins/${bulletin.id}/pdf`, remoteAddress: nextLoopback() });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Lịch xuống giống né rầy vụ Đông Xuân 2026–2027');
    expect(text).toContain('17/12/2026');
    expect(text).toMatch(/ÂL/);
    expect(text).toContain('Ngâm ủ giống trước 2 ngày');
    expect(text).not.toContain('thamdinh');
    expect(await pdfText((await w.admin.request({ method: 'GET', url: `/api/agronomy/bulletins/${bulletin.id}/pdf?lang=en` })).rawPayload)).toMatch(/Sowing window.*lunar/s);

    // The subscriber's e-mail: the PDF attached, a link to the page, one that ends the subscription.
    const mail = await w.t.database.db.selectFrom('notification').selectAll().where('event', '=', 'agronomy.bulletin').where('recipient', '=', 'htx.phuocan@example.invalid').executeTakeFirstOrThrow();
    expect(mail.body).toContain(`/cong-dan/nong-nghiep/ban-tin/${bulletin.id}`);
    expect(JSON.stringify(mail.payload)).toContain('agronomy.bulletin');
    expect(mail.body).toContain('/cong-dan/nong-nghiep/huy-nhan?token=');
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    const stop = await w.t.app.inject({ method: 'POST', url: '/api/public/agronomy/unsubscribe', payload: { token }, remoteAddress: nextLoopback() });
    expect(stop.json()).toEqual({ name: 'HTX Phước An' });
    expect((await w.t.app.inject({ method: 'POST', url: '/api/public/agronomy/unsubscribe', payload: { token }, remoteAddress: nextLoopback() })).statusCode).toBe(404);
  });

  it('says so when the traps of an area show no peak to forecast from', async () => {
    const other = (await w.admin.request({ method: 'GET', url: '/api/org-units?asOf=2025-07-01' })).json().find((u: { code: string }) => u.code === '31510');
    const res = await w.admin.request({ method: 'POST', url: '/api/agronomy/bulletins', payload: { unitId: other.id, season: 'Đông Xuân 2026–2027' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/Chưa có đợt rầy cao điểm/);
    // The officer's own windows make the draft; a reviewer who rewrites it may not approve it too.
    const manual = await w.admin.request({ method: 'POST', url: '/api/agronomy/bulletins', payload: { unitId: other.id, season: 'Đông Xuân 2026–2027', windows: [{ unitId: other.id, from: '2026-12-20', to: '2026-12-27', peak: '2026-12-17', round: 1 }] } });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json().forecast).toMatchObject({ manual: true });
    expect((await w.reviewer.request({ method: 'PATCH', url: `/api/agronomy/bulletins/${manual.json().id}`, payload: { advice: 'Gieo sạ đồng loạt.' } })).statusCode).toBe(200);
    expect((await w.reviewer.request({ method: 'POST', url: `/api/agronomy/bulletins/${manual.json().id}/approve` })).json().error.code).toBe('bulletin_own_approval');
    // The ward's officer may read the neighbour's draft but not change it, nor keep its subscribers.
    expect((await w.officer.request({ method: 'GET', url: `/api/agronomy/bulletins/${manual.json().id}` })).statusCode).toBe(200);
    expect((await w.officer.request({ method: 'PATCH', url: `/api/agronomy/bulletins/${manual.json().id}`, payload: { advice: 'x' } })).json().error.code).toBe('out_of_scope');
    const theirs = (await w.admin.request({ method: 'POST', url: '/api/agronomy/subscriptions', payload: { name: 'HTX bên cạnh', email: 'htx.bencanh@example.invalid', unitId: other.id } })).json();
    expect((await w.officer.request({ method: 'DELETE', url: `/api/agronomy/subscriptions/${theirs.id}` })).json().error.code).toBe('out_of_scope');
    expect((await w.officer.request({ method: 'GET', url: '/api/agronomy/subscriptions' })).json().subscriptions.map((x: { id: number }) => x.id)).not.toContain(theirs.id);
    // A unit that does not exist is named as such, even to an administrator whom no scope stops.
    const unknown = await w.admin.request({ method: 'POST', url: '/api/agronomy/bulletins', payload: { unitId: 99_999_999, season: 'Hè Thu 2027' } });
    expect(unknown.json().error).toMatchObject({ code: 'reference_not_found', field: 'unitId' });
    const stage = await w.admin.request({ method: 'PUT', url: '/api/agronomy/crop-stages', payload: { unitId: 99_999_999, stage: 'seedling', since: '2026-11-01' } });
    expect(stage.json().error.code).toBe('reference_not_found');
  });
});
