import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unitId } from '../../../test/helpers.js';
import { form } from '../../../test/photos.js';
import { officer, t, useOfficerApp } from './test-setup.js';

useOfficerApp();

describe('attachments', () => {
  it('attaches documents recognised by their content, refuses a disguised file, and locks them with the report', async () => {
    const t2 = t;
    const ward = await unitId(t2, '31507', '2025-07-01');
    t2.ctx.clock.now = new Date('2026-11-16T03:00:00Z');
    const r = (await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_CDS', unitId: ward, period: '2026M11' } })).json();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const xlsx = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    const sent = await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/attachments`, payload: form({}, [
      { field: 'file', name: 'Quyết định thành lập tổ CNS.pdf', type: 'application/pdf', data: pdf },
      { field: 'file', name: 'so-lieu', type: 'application/octet-stream', data: xlsx },
    ]) });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().map((a: { fileName: string; contentType: string }) => [a.fileName, a.contentType])).toEqual([
      ['Quyết định thành lập tổ CNS.pdf', 'application/pdf'], ['so-lieu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    const disguised = await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/attachments`, payload: form({}, [{ field: 'file', name: 'bien-ban.pdf', type: 'application/pdf', data: Buffer.from('MZ\u0090\u0000 not a pdf at all') }]) });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error).toMatchObject({ code: 'attachment_type', field: 'file' });
    // Over the limit of a form's file: named a file, not a photo.
    const huge = await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/attachments`, payload: form({}, [{ field: 'file', name: 'so-lieu.pdf', type: 'application/pdf', data: Buffer.alloc(11 * 1024 * 1024, 32) }]) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'file_too_large', field: 'file' });
    expect(huge.json().error.messages.vi).toBe('Tệp trong trường "file" quá lớn (tối đa 10 MB).');
    const view = (await officer.request({ method: 'GET', url: `/api/reporting/reports/${r.id}` })).json();
    expect(view.attachments).toHaveLength(2);
    const file = await officer.request({ method: 'GET', url: `/api/reporting/reports/${r.id}/attachments/${view.attachments[0].id}` });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('Quyết định thành lập tổ CNS.pdf'));
    expect(Buffer.compare(file.rawPayload, pdf)).toBe(0);
    expect((await officer.request({ method: 'DELETE', url: `/api/reporting/reports/${r.id}/attachments/${view.attachments[1].id}` })).statusCode).toBe(204);
    await officer.request({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, payload: { values: { RP_DOSSIERS_TOTAL: 5, RP_DOSSIERS_ONLINE: 5, RP_TECH_TEAM_MEMBERS: 3 }, narrative: { NARRATIVE: 'Có đính kèm.' }, revision: view.revision } });
    expect((await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, payload: {} })).json().state).toBe('submitted');
    const locked = await officer.request({ method: 'DELETE', url: `/api/reporting/reports/${r.id}/attachments/${view.attachments[0].id}` });
    expect(locked.json().error.code).toBe('report_locked');
  });
});
