import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from './helpers.js';

// Issue 13, point 8: what the server says is said in one language at a time — error messages with the platform's
// codes named in the reader's words, units of measure and the report outline in both languages, timeline notes as
// figures rather than Vietnamese sentences.
let t: TestApp;
let officer: Session;
let place: number;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
  place = await unitId(t, '31507', '2025-07-01');
});
afterAll(() => t?.close());

const send = () => t.app.inject({
  method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(),
  payload: { category: 'DRAINAGE', description: 'Cống trước chợ bị tắc, nước tràn lên mặt đường khi mưa.', placeUnitId: place, consent: true, contact: { name: 'Người dân' } },
});
const rate = (code: string, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/public/feedback/${code}/rating`, payload: body, remoteAddress: nextLoopback() });
const caseIdOf = async (code: string) => (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
const act = (id: number, payload: Record<string, unknown>) => officer.request({ method: 'POST', url: `/api/feedback/cases/${id}/actions`, payload });

describe('error messages name things in the reader’s language', () => {
  it('a second rating, a rating too early and an action missing its note', async () => {
    const { trackingCode } = (await send()).json();
    const early = (await rate(trackingCode, { rating: 4, solved: true })).json().error;
    expect(early.code).toBe('transition_refused');
    expect(early.messages).toEqual({ vi: 'Không thể đánh giá hồ sơ đang ở trạng thái đã chuyển đơn vị xử lý.', en: 'Cannot rate a case that is routed.' });
    const id = await caseIdOf(trackingCode);
    const noNote = (await act(id, { action: 'return' })).json().error;
    expect(noNote.messages).toEqual({ vi: 'Thao tác "trả lại" cần có ghi chú (lý do).', en: 'The action "return" needs a note.' });
    await act(id, { action: 'accept' });
    await act(id, { action: 'answer', answer: 'Đã thông cống.' });
    expect((await rate(trackingCode, { rating: 5, solved: true })).statusCode).toBe(200);
    const again = await rate(trackingCode, { rating: 4, solved: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'already_exists', field: 'code', messages: { vi: 'Đánh giá của câu trả lời này đã tồn tại.', en: 'A rating of this answer already exists.' },
    });
  });

  it('a field refused by its schema is named in Vietnamese for a Vietnamese reader, by its path in English', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(),
      payload: { category: 'DRAINAGE', description: 'Cống trước chợ bị tắc, nước tràn lên mặt đường khi mưa.', consent: true, contact: { name: 'Hoa', email: 'không-phải-thư' } },
    });
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'contact.email' });
    expect(res.json().error.messages.vi).toMatch(/^Dữ liệu không hợp lệ: thư điện tử \(contact\.email\): /);
    expect(res.json().error.messages.en).toMatch(/^Invalid input: contact\.email: /);
  });
});

describe('the timeline keeps a rating as figures', () => {
  it('a rating is an event with its figures and the comment, and closing says nothing in Vietnamese', async () => {
    const { trackingCode } = (await send()).json();
    const id = await caseIdOf(trackingCode);
    await act(id, { action: 'accept' });
    await act(id, { action: 'answer', answer: 'Đã thông cống.' });
    expect((await rate(trackingCode, { rating: 5, solved: true, comment: 'Cảm ơn' })).statusCode).toBe(200);
    const timeline = (await officer.request({ method: 'GET', url: `/api/feedback/cases/${id}` })).json().timeline as { action: string; note: string | null; data: Record<string, unknown> }[];
    expect(timeline.at(-2)).toMatchObject({ action: 'rate', note: 'Cảm ơn', data: { rating: 5, solved: true } });
    expect(timeline.at(-1)).toMatchObject({ action: 'close', note: null });
  });
});

describe('units of measure and the report outline in both languages', () => {
  it('elements and indicators carry their unit in English from the table of units of measure', async () => {
    const admin = await t.login('admin');
    const elements = (await admin.request({ method: 'GET', url: '/api/data-elements' })).json() as { code: string; unit: string | null; unitEn: string | null }[];
    const byCode = new Map(elements.map((e) => [e.code, e]));
    expect(byCode.get('RP_CASHLESS_HOUSEHOLDS')).toMatchObject({ unit: 'hộ', unitEn: 'households' });
    expect(byCode.get('RP_BUDGET_REVENUE_MVND')).toMatchObject({ unit: 'triệu đồng', unitEn: 'million VND' });
    expect(byCode.get('DTI_RANK')).toMatchObject({ unit: 'hạng', unitEn: 'rank' });
    // Every unit the reference data uses has its English name.
    const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
    expect(elements.filter((e) => e.unitEn && vietnamese.test(e.unitEn)).map((e) => `${e.code}: ${e.unitEn}`)).toEqual([]);
    const indicators = (await admin.request({ method: 'GET', url: '/api/indicators' })).json() as { unitLabelEn: string | null }[];
    expect(indicators.filter((i) => i.unitLabelEn && vietnamese.test(i.unitLabelEn))).toEqual([]);
  });

  it("a report's narrative outline and its elements' units come in English too", async () => {
    const me = (await officer.request({ method: 'GET', url: '/api/auth/me' })).json() as { user: { orgUnitId: number } };
    const due = (await officer.request({ method: 'GET', url: '/api/reporting/due' })).json() as { regime: string; period: string }[];
    const opened = await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: due[0]!.regime, unitId: me.user.orgUnitId, period: due[0]!.period } });
    expect(opened.statusCode, opened.body).toBeLessThan(300);
    const view = (await officer.request({ method: 'GET', url: `/api/reporting/reports/${opened.json().id}` })).json();
    const narrative = view.form.definition.sections.find((s: { kind: string }) => s.kind === 'narrative');
    expect(narrative).toMatchObject({ outline: ['Kết quả nổi bật', 'Khó khăn, vướng mắc', 'Kiến nghị, đề xuất'], outlineEn: ['Highlights', 'Difficulties and obstacles', 'Proposals and recommendations'] });
    const units = Object.values(view.elements as Record<string, { unit: string | null; unitEn: string | null }>);
    expect(units.length).toBeGreaterThan(0);
    for (const e of units) expect(e.unitEn === null).toBe(e.unit === null);
  });
});
