import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let admin: Session;
let officer: Session;
const year = String(new Date().getUTCFullYear());

const rule = (over: Record<string, unknown> = {}) => ({
  nameVi: 'Tỷ lệ hộp thư công vụ thấp', nameEn: 'Low share of official mailboxes', targetKind: 'element', targetCode: 'OFFICIAL_MAILBOX_PCT',
  unitLevel: 'province', periodType: 'year', comparator: '<', threshold: 90, severity: 'major', ...over,
});
const write = (value: string) => admin.request({ method: 'POST', url: '/api/dataValueSets', payload: { dataValues: [{ dataElement: 'OFFICIAL_MAILBOX_PCT', period: year, orgUnit: '92', value }] } });
const thresholdAlerts = async () => (await admin.request({ method: 'GET', url: '/api/alerts?state=all&type=INDICATOR_THRESHOLD' })).json().alerts as { id: number; state: string; severity: string; title: { vi: string } }[];

/** Polls until `check` holds: the engine evaluates a moment after the write commits, in the background. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
});
afterAll(() => t?.close());

describe('rules on indicators', () => {
  it('refuses bad rules with the field named, and officers', async () => {
    expect((await officer.request({ method: 'POST', url: '/api/ioc/rules', payload: rule() })).statusCode).toBe(403);
    const unknown = await admin.request({ method: 'POST', url: '/api/ioc/rules', payload: rule({ targetCode: 'NO_SUCH_THING' }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'reference_not_found', field: 'targetCode' });
    const comparator = await admin.request({ method: 'POST', url: '/api/ioc/rules', payload: rule({ comparator: '!=' }) });
    expect(comparator.statusCode).toBe(400);
    expect(comparator.json().error.field).toBe('comparator');
    expect((await admin.request({ method: 'GET', url: '/api/ioc/rules' })).json()).toEqual([]);
  });

  it('raises an alert when a value written breaks the rule, and clears it when the value recovers', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/ioc/rules', payload: rule() });
    expect(created.statusCode, created.body).toBe(201);
    expect((await write('81')).statusCode).toBeLessThan(300);
    const raised = await eventually(thresholdAlerts, (a) => a.some((x) => x.state === 'open'));
    const alert = raised.find((x) => x.state === 'open')!;
    expect(alert).toMatchObject({ severity: 'major' });
    expect(alert.title.vi).toContain('81');
    expect(alert.title.vi).toContain('Thành phố Cần Thơ');
    // A second low value keeps the one alert.
    await write('82');
    await new Promise((r) => setTimeout(r, 800));
    expect((await thresholdAlerts()).filter((x) => x.state === 'open')).toHaveLength(1);

    await write('95');
    const after = await eventually(thresholdAlerts, (a) => a.every((x) => x.state !== 'open'));
    expect(after.find((x) => x.id === alert.id)!.state).toBe('resolved');
  });

  it('clears what a rule raised when the rule is removed', async () => {
    const id = (await admin.request({ method: 'POST', url: '/api/ioc/rules', payload: rule({ threshold: 99, nameVi: 'Ngưỡng cao', nameEn: 'High bar' }) })).json().id;
    const open = await eventually(thresholdAlerts, (a) => a.some((x) => x.state === 'open'));
    expect(open.some((x) => x.state === 'open')).toBe(true);
    expect((await admin.request({ method: 'DELETE', url: `/api/ioc/rules/${id}` })).statusCode).toBe(200);
    expect((await thresholdAlerts()).some((x) => x.state === 'open')).toBe(false);
  });
});
