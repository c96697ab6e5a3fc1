import { afterAll, beforeAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import type { Config } from '../../server/config.js';

/**
 * The reporting system on the 2024 hierarchy (commune → district → province) and the 2025 one (ward → city), with
 * the demonstration regime BC_CDS (monthly, Decree 09 windows, due 3 working days after the cut-off).
 *
 * Live bindings, set by the beforeAll of useReportingApp or useOfficerApp: the tests read them as plain names, each
 * file its own app (files run in parallel processes).
 */
export let t: TestApp;
export let admin: Session;
export let p5: Session; // officer of Phường 5 (2024)
export let p7: Session; // officer of Phường 7 (2024)
export let district: Session; // reviewer of Thành phố Sóc Trăng (2024 district)
export let province: Session; // reviewer of Tỉnh Sóc Trăng (2024)
export let officer: Session; // the demo officer 'canbo' of Phường Sóc Trăng (2025)
export const ids = { p5: 0, p7: 0, district: 0, province: 0 };

/** One app with the administrator, two commune officers and the reviewers of their district and province. */
export function useReportingApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    ids.p5 = await unitId(t, '31498', '2024-05-14');
    ids.p7 = await unitId(t, '31501', '2024-05-14');
    ids.district = await unitId(t, '941', '2024-05-14');
    ids.province = await unitId(t, '94', '2024-05-14');
    const make = async (username: string, role: string, orgUnitId: number) => {
      const res = await admin.request({ method: 'POST', url: '/api/users', payload: { username, displayName: username, email: `${username}@example.org`, role, orgUnitId, password: 'mat-khau-bao-cao-2026' } });
      if (res.statusCode !== 201) throw new Error(res.body);
      return t.login(username, 'mat-khau-bao-cao-2026');
    };
    p5 = await make('canbo-p5', 'officer', ids.p5);
    p7 = await make('canbo-p7', 'officer', ids.p7);
    district = await make('thamdinh-tp', 'reviewer', ids.district);
    province = await make('thamdinh-tinh', 'reviewer', ids.province);
  });
  afterAll(() => t?.close());
}

/** One app for the files of a report (Excel, CSV, attachments): the demo officer, the clock on 16 November 2026. */
export function useOfficerApp(config?: Partial<Config>): void {
  beforeAll(async () => {
    t = await createTestApp({ config });
    officer = await t.login('canbo');
    t.ctx.clock.now = new Date('2026-11-16T03:00:00Z');
  });
  afterAll(async () => {
    if (t) t.ctx.clock.now = null;
    await t?.close();
  });
}

export const at = (iso: string) => {
  t.ctx.clock.now = new Date(iso);
};
export const open = (s: Session, unit: number, period = '2024M05', regime = 'BC_CDS') => s.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime, unitId: unit, period } });
export const save = (s: Session, id: number, revision: number, values: Record<string, number | null>, narrative: Record<string, string> = {}) =>
  s.request({ method: 'PUT', url: `/api/reporting/reports/${id}`, payload: { values, narrative, revision } });
export const act = (s: Session, id: number, action: string, note?: string) => s.request({ method: 'POST', url: `/api/reporting/reports/${id}/${action}`, payload: note ? { note } : {} });
export const good = { RP_DOSSIERS_TOTAL: 120, RP_DOSSIERS_ONLINE: 90, RP_TECH_TEAM_MEMBERS: 14, WORKFILES_ONLINE_COMMUNE_PCT: 82.5 };

const ok = async (pending: Promise<LightMyRequestResponse>) => {
  const res = await pending;
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

/**
 * Phường 5's BC_CDS report of 2024M05 as "a report from draft to approval" (reports.test.ts) leaves it, made by the
 * same calls for the files that read it: opened on 10 May, submitted on time on 16 May (85 dossiers online),
 * approved by the district, then by the province. The clock is left at the real time.
 */
export async function approvedReportOfPhuong5(): Promise<void> {
  at('2024-05-10T02:00:00Z');
  const r = await ok(open(p5, ids.p5));
  at('2024-05-16T03:00:00Z');
  await ok(save(p5, r.id, r.revision, { ...good, RP_DOSSIERS_ONLINE: 85 }, { NARRATIVE: 'Đã triển khai tổ công nghệ số ở 5 khóm.' }));
  await ok(act(p5, r.id, 'submit'));
  await ok(act(district, r.id, 'approve'));
  const approved = await ok(act(province, r.id, 'approve'));
  if (approved.state !== 'approved') throw new Error(`report ${r.id}: ${approved.state}`);
  t.ctx.clock.now = null;
}

/**
 * A report waiting for the district, as "the reviewer's queue" (completeness.test.ts) makes it: Phường 8's BC_CDS
 * report of 2024M05, entered and submitted by the administrator on 21 May. The clock is left at the real time.
 */
export async function reportAwaitingTheDistrict(): Promise<void> {
  at('2024-05-21T03:00:00Z');
  const other = await unitId(t, '31504', '2024-05-14');
  const r = await ok(admin.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_CDS', unitId: other, period: '2024M05' } }));
  await ok(admin.request({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, payload: { values: good, narrative: { NARRATIVE: 'Báo cáo do quản trị nhập hộ.' }, revision: 1 } }));
  const sent = await ok(admin.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, payload: {} }));
  if (sent.state !== 'submitted') throw new Error(`report ${r.id}: ${sent.state}`);
  t.ctx.clock.now = null;
}
