import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { loadIocPanels } from './index.js';

let t: TestApp;
let admin: Session;
let officer: Session;
const year = String(new Date().getUTCFullYear());

const panel = (over: Record<string, unknown> = {}) => ({
  fieldCode: 'DIGITAL', kind: 'number', targetKind: 'indicator', targetCode: 'NQ07_OFFICIAL_MAILBOX', unitLevel: 'province', periodType: 'year',
  position: 5, titleVi: 'Hộp thư công vụ của cán bộ', titleEn: 'Official mailboxes of officials', ...over,
});
type Field = { code: string; panels: { id: number; key: string | null; kind: string; titleVi: string }[] };
const fields = async () => (await admin.request({ method: 'GET', url: '/api/ioc/fields' })).json() as Field[];
const panelCount = async () => (await fields()).reduce((n, f) => n + f.panels.length, 0);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
});
afterAll(() => t?.close());

describe('IOC field panels', () => {
  it('ships the panels of the Resolution 07 pillars, reporting and feedback, and a second load adds nothing', async () => {
    const all = await fields();
    for (const code of ['DIGITAL', 'REPORTING', 'FEEDBACK']) expect(all.find((f) => f.code === code)?.panels.length, code).toBeGreaterThan(0);
    const kinds = new Set(all.flatMap((f) => f.panels.map((p) => p.kind)));
    expect([...kinds].sort()).toEqual(['bar', 'map', 'number', 'table', 'trend']);
    expect(await loadIocPanels(t.database.db)).toBe(0);
  });

  it('refuses the anonymous caller and officers, and bad panels with the field named, writing nothing', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/ioc/fields' })).statusCode).toBe(401);
    expect((await officer.request({ method: 'POST', url: '/api/ioc/panels', payload: panel() })).statusCode).toBe(403);
    const before = await panelCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ targetCode: 'NO_SUCH_THING' }, 'reference_not_found', 'targetCode'],
      [{ fieldCode: 'NO_SUCH_FIELD' }, 'reference_not_found', 'fieldCode'],
      [{ kind: 'pie' }, 'validation_failed', 'kind'],
      [{ position: -1 }, 'validation_failed', 'position'],
      [{ position: 1.5 }, 'validation_failed', 'position'],
    ];
    for (const [over, code, field] of cases) {
      const res = await admin.request({ method: 'POST', url: '/api/ioc/panels', payload: panel(over), headers: { 'accept-language': 'vi' } });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error).toMatchObject({ code, field });
      expect(res.json().error.messages.vi).toBeTruthy();
      expect(res.json().error.messages.en).toBeTruthy();
    }
    expect(await panelCount()).toBe(before);
    expect((await admin.request({ method: 'PUT', url: '/api/ioc/panels/999999', payload: panel() })).statusCode).toBe(404);
  });

  it('an administrator adds a panel; it appears in its field with its figure, trend and status from the rule', async () => {
    const write = (period: string, value: string) => admin.request({ method: 'POST', url: '/api/dataValueSets', payload: { dataValues: [{ dataElement: 'OFFICIAL_MAILBOX_PCT', period, orgUnit: '92', value }] } });
    expect((await write(String(Number(year) - 1), '70')).statusCode).toBeLessThan(300);
    expect((await write(year, '81')).statusCode).toBeLessThan(300);
    const rule = await admin.request({ method: 'POST', url: '/api/ioc/rules', payload: {
      nameVi: 'Hộp thư công vụ thấp', nameEn: 'Few official mailboxes', targetKind: 'indicator', targetCode: 'NQ07_OFFICIAL_MAILBOX',
      unitLevel: 'province', periodType: 'year', comparator: '<', threshold: 90, severity: 'major' } });
    expect(rule.statusCode, rule.body).toBe(201);

    const created = await admin.request({ method: 'POST', url: '/api/ioc/panels', payload: panel() });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect((await fields()).find((f) => f.code === 'DIGITAL')!.panels[0]).toMatchObject({ id, key: null, titleVi: 'Hộp thư công vụ của cán bộ' });

    const data = await admin.request({ method: 'GET', url: `/api/ioc/fields/DIGITAL/panels/data?date=${year}-06-30` });
    expect(data.statusCode, data.body).toBe(200);
    expect(data.json().unit.name).toBe('Thành phố Cần Thơ');
    expect(data.json().panels.find((p: { panelId: number }) => p.panelId === id)).toMatchObject({
      kind: 'number', period: year, value: 81, previous: 70, trend: 'up', status: 'breach', severity: 'major',
    });

    const trend = await admin.request({ method: 'PUT', url: `/api/ioc/panels/${id}`, payload: panel({ kind: 'trend', options: { periods: 3 } }) });
    expect(trend.statusCode, trend.body).toBe(200);
    const points = (await admin.request({ method: 'GET', url: `/api/ioc/fields/DIGITAL/panels/data?date=${year}-06-30` })).json()
      .panels.find((p: { panelId: number }) => p.panelId === id).points;
    expect(points.map((p: { value: number | null }) => p.value)).toEqual([null, 70, 81]);

    const audit = (await admin.request({ method: 'GET', url: `/api/audit?entity=ioc_panel&entityId=${id}` })).json();
    expect(JSON.stringify(audit)).toContain('ioc_panel.update');
    expect((await admin.request({ method: 'DELETE', url: `/api/ioc/panels/${id}` })).statusCode).toBe(200);
    expect((await fields()).some((f) => f.panels.some((p) => p.id === id))).toBe(false);
  });

  it('keeps an administrator\'s edit and removal of a shipped panel over a new load', async () => {
    const shipped = (await fields()).find((f) => f.code === 'FEEDBACK')!.panels;
    const [first, second] = [shipped[0]!, shipped[1]!];
    const edited = await admin.request({ method: 'PUT', url: `/api/ioc/panels/${first.id}`, payload: panel({ fieldCode: 'FEEDBACK', titleVi: 'Đã sửa', titleEn: 'Edited' }) });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await admin.request({ method: 'DELETE', url: `/api/ioc/panels/${second.id}` })).statusCode).toBe(200);
    expect(await loadIocPanels(t.database.db)).toBe(0);
    const after = (await fields()).find((f) => f.code === 'FEEDBACK')!.panels;
    expect(after.find((p) => p.id === first.id)?.titleVi).toBe('Đã sửa');
    expect(after.some((p) => p.key === second.key)).toBe(false);
  });

  it('scopes the figures to the caller\'s units: an officer of a ward may not ask for the province', async () => {
    const province = (await admin.request({ method: 'GET', url: `/api/ioc/fields/FEEDBACK/panels/data` })).json().unit.id as number;
    expect((await officer.request({ method: 'GET', url: `/api/ioc/fields/FEEDBACK/panels/data?unit=${province}` })).statusCode).toBe(403);
    const own = await officer.request({ method: 'GET', url: '/api/ioc/fields/FEEDBACK/panels/data' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().unit.id).not.toBe(province);
    expect((await admin.request({ method: 'GET', url: '/api/ioc/fields/NOPE/panels/data' })).statusCode).toBe(404);
  });

  it('answers a wall screen\'s token with the fields and their figures, and refuses it a change', async () => {
    const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Màn hình IOC', scopes: ['wall'] } })).json().token as string;
    const headers = { authorization: `Bearer ${token}` };
    const listed = await t.app.inject({ method: 'GET', url: '/api/ioc/fields', headers });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.body).not.toContain('createdBy');
    const data = await t.app.inject({ method: 'GET', url: '/api/ioc/fields/REPORTING/panels/data', headers });
    expect(data.statusCode, data.body).toBe(200);
    expect(data.json().panels.length).toBeGreaterThan(0);
    expect((await t.app.inject({ method: 'POST', url: '/api/ioc/panels', headers, payload: panel() })).statusCode).toBe(403);
  });
});
