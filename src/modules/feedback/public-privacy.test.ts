import { describe, expect, it } from 'vitest';
import { MASK } from './privacy.js';
import { officer, report, send, socTrang, t, useFeedbackApp } from './test-setup.js';

useFeedbackApp();

describe("an officer's words in public", () => {
  it('are masked on the public case page, its timeline, and in Open311 status notes and updates', async () => {
    const { trackingCode } = (await send({ ...report, placeUnitId: socTrang })).json();
    const inbox = (await officer.request({ method: 'GET', url: '/api/feedback/cases?state=routed' })).json();
    const item = inbox.find((c: { trackingCode: string }) => c.trackingCode === trackingCode);
    await officer.request({ method: 'POST', url: `/api/feedback/cases/${item.id}/actions`, payload: { action: 'accept' } });
    const answer = 'Đã nạo vét cống. Cần thêm thông tin xin gọi anh Nam 0912 345 678 hoặc nam.tran@soctrang.gov.vn';
    expect((await officer.request({ method: 'POST', url: `/api/feedback/cases/${item.id}/actions`, payload: { action: 'answer', answer } })).statusCode).toBe(200);

    const page = (await t.app.inject({ method: 'GET', url: `/api/public/feedback/${trackingCode}` })).json();
    const masked = `Đã nạo vét cống. Cần thêm thông tin xin gọi anh Nam ${MASK} hoặc ${MASK}`;
    expect(page.answer).toBe(masked);
    expect(page.timeline.find((e: { action: string }) => e.action === 'answer').note).toBe(masked);
    const open311 = (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${trackingCode}.json` })).json();
    expect(open311[0].status_notes).toBe(masked);
    const updates = (await t.app.inject({ method: 'GET', url: '/open311/v2/servicerequestupdates.json' })).json();
    expect(updates.find((u: { service_request_id: string; description: string }) => u.service_request_id === trackingCode && u.description.startsWith('Đã nạo')).description).toBe(masked);
    expect(JSON.stringify([page, open311, updates])).not.toContain('0912');
  });
});
