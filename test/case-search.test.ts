import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from './helpers.js';

// Issue 13, point 5: citizens on the phone quote their tracking code, so the officer's search box must find it.
let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
});
afterAll(() => t?.close());

const send = async (description: string, placeUnitId: number) => {
  const res = await t.app.inject({
    method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(),
    payload: { category: 'DRAINAGE', description, placeUnitId, consent: true, contact: { name: 'Trần Thị Hoa', phone: '0912 345 678' } },
  });
  expect(res.statusCode).toBe(201);
  return res.json().trackingCode as string;
};
const search = async (q: string) => {
  const res = await officer.request({ method: 'GET', url: `/api/feedback/cases?q=${encodeURIComponent(q)}` });
  expect(res.statusCode).toBe(200);
  return (res.json() as { trackingCode: string }[]).map((c) => c.trackingCode);
};

describe("the officer's case search", () => {
  it('finds a case by its whole tracking code, by part of it in any case, and still by words of its description', async () => {
    const socTrang = await unitId(t, '31507', '2025-07-01');
    const code = await send('Cống trên đường Lê Lợi bị tắc, nước tràn lên vỉa hè.', socTrang);
    const other = await send('Đèn đường hẻm 12 không sáng.', socTrang);
    expect(await search(code)).toEqual([code]);
    expect(await search(code.slice(3).toLowerCase())).toEqual([code]);
    expect(await search(` ${code} `)).toEqual([code]);
    expect(await search('vỉa hè')).toEqual([code]);
    expect(await search('hẻm 12')).toEqual([other]);
    // A LIKE wildcard typed in the box is a letter, not "anything".
    expect(await search('%%')).toEqual([]);
  });

  it("lists one unit's cases and those of the units below it, within the reader's own units (the IOC's unit page)", async () => {
    const socTrang = await unitId(t, '31507', '2025-07-01');
    const ninhKieu = await unitId(t, '31135', '2025-07-01');
    const city = await unitId(t, '92', '2025-07-01');
    const ours = await send('Rác thải tồn đọng ở chợ phường Sóc Trăng.', socTrang);
    const theirs = await send('Cây đổ chắn đường ở phường Ninh Kiều.', ninhKieu);
    const leader = await t.login('lanhdao');
    const codes = async (who: Session, unit: number) => {
      const res = await who.request({ method: 'GET', url: `/api/feedback/cases?unitId=${unit}&limit=500` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { trackingCode: string }[]).map((c) => c.trackingCode);
    };
    expect(await codes(leader, city)).toEqual(expect.arrayContaining([ours, theirs]));
    expect(await codes(leader, ninhKieu)).toContain(theirs);
    expect(await codes(leader, ninhKieu)).not.toContain(ours);
    // The ward's officer asking for the city sees the city's cases that are the ward's, and another ward is refused.
    const mine = await codes(officer, city);
    expect(mine).toContain(ours);
    expect(mine).not.toContain(theirs);
    const refused = await officer.request({ method: 'GET', url: `/api/feedback/cases?unitId=${ninhKieu}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'out_of_scope', field: 'unitId' });
  });
});
