import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers.js';

let t: TestApp;
let admin: Session;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
});
afterAll(() => t?.close());

describe('the working calendar API', () => {
  it('lists a year’s holidays, Tết by the lunar calendar, and counts its working days', async () => {
    const y = (await officer.request({ method: 'GET', url: '/api/calendar?year=2025' })).json();
    expect(y.holidays.filter((h: { code: string; compensatory: boolean }) => h.code === 'TET' && !h.compensatory).map((h: { date: string }) => h.date))
      .toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
    expect(y.workingDays).toBeGreaterThan(240);
    expect(y.workingDays).toBeLessThan(255);
  });

  it('a recorded make-up Saturday and swapped day change deadlines at once; both are audited', async () => {
    const before = (await officer.request({ method: 'GET', url: '/api/calendar/deadline?from=2025-04-25&workingDays=3' })).json();
    expect(before.due).toBe('2025-05-02');
    for (const payload of [
      { date: '2025-05-02', kind: 'day_off', nameVi: 'Nghỉ hoán đổi dịp 30/4', source: 'Thông báo của Bộ Nội vụ năm 2025 (thử)' },
      { date: '2025-04-26', kind: 'working_day', nameVi: 'Làm bù cho ngày 2/5', source: 'Thông báo của Bộ Nội vụ năm 2025 (thử)' },
    ]) expect((await admin.request({ method: 'PUT', url: '/api/calendar/exceptions', payload })).statusCode).toBe(200);
    const after = (await officer.request({ method: 'GET', url: '/api/calendar/deadline?from=2025-04-25&workingDays=3' })).json();
    expect(after.due).toBe('2025-04-29');
    const year = (await officer.request({ method: 'GET', url: '/api/calendar?year=2025' })).json();
    expect(year.exceptions.map((e: { date: string; kind: string }) => `${e.date} ${e.kind}`)).toEqual(['2025-04-26 working_day', '2025-05-02 day_off']);
    expect((await admin.request({ method: 'DELETE', url: '/api/calendar/exceptions/2025-04-26' })).statusCode).toBe(204);
    expect((await admin.request({ method: 'DELETE', url: '/api/calendar/exceptions/2025-04-26' })).statusCode).toBe(404);
    const log = (await admin.request({ method: 'GET', url: '/api/audit?entity=calendar_exception' })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['calendar.exception_remove', 'calendar.exception_set', 'calendar.exception_set']);
  });

  it('refuses a bad date, a missing source and an officer recording a decision', async () => {
    expect((await admin.request({ method: 'PUT', url: '/api/calendar/exceptions', payload: { date: '2025-02-30', kind: 'day_off', nameVi: 'X', source: 'abc' } })).json().error.field).toBe('date');
    expect((await admin.request({ method: 'PUT', url: '/api/calendar/exceptions', payload: { date: '2025-02-03', kind: 'day_off', nameVi: 'X' } })).json().error.field).toBe('source');
    expect((await officer.request({ method: 'PUT', url: '/api/calendar/exceptions', payload: { date: '2025-02-03', kind: 'day_off', nameVi: 'X', source: 'abc' } })).statusCode).toBe(403);
    expect((await officer.request({ method: 'GET', url: '/api/calendar/deadline?from=2025-01-20&workingDays=-1' })).statusCode).toBe(400);
  });
});
