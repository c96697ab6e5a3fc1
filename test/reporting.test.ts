import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from './helpers.js';

/**
 * The reporting system on the 2024 hierarchy (commune → district → province) and the 2025 one (ward → city), with
 * the demonstration regime BC_CDS (monthly, Decree 09 windows, due 3 working days after the cut-off).
 */
let t: TestApp;
let admin: Session;
let p5: Session; // officer of Phường 5 (2024)
let p7: Session; // officer of Phường 7 (2024)
let district: Session; // reviewer of Thành phố Sóc Trăng (2024 district)
let province: Session; // reviewer of Tỉnh Sóc Trăng (2024)
const ids = { p5: 0, p7: 0, district: 0, province: 0 };

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

const at = (iso: string) => {
  t.ctx.clock.now = new Date(iso);
};
const open = (s: Session, unit: number, period = '2024M05', regime = 'BC_CDS') => s.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime, unitId: unit, period } });
const save = (s: Session, id: number, revision: number, values: Record<string, number | null>, narrative: Record<string, string> = {}) =>
  s.request({ method: 'PUT', url: `/api/reporting/reports/${id}`, payload: { values, narrative, revision } });
const act = (s: Session, id: number, action: string, note?: string) => s.request({ method: 'POST', url: `/api/reporting/reports/${id}/${action}`, payload: note ? { note } : {} });
const good = { RP_DOSSIERS_TOTAL: 120, RP_DOSSIERS_ONLINE: 90, RP_TECH_TEAM_MEMBERS: 14, WORKFILES_ONLINE_COMMUNE_PCT: 82.5 };

describe('regimes', () => {
  it('seeds the 13 demonstration regimes, marked as such, each with a versioned form', async () => {
    const list = (await p5.request({ method: 'GET', url: '/api/reporting/regimes' })).json();
    expect(list).toHaveLength(13);
    expect(list.every((r: { demo: boolean }) => r.demo)).toBe(true);
    expect(list.filter((r: { electronic: boolean }) => !r.electronic).map((r: { code: string }) => r.code).sort()).toEqual(['BC_DT', 'BC_TDKT']);
    const cds = (await p5.request({ method: 'GET', url: '/api/reporting/regimes/BC_CDS' })).json();
    expect(cds).toMatchObject({ frequency: 'month', period_basis: 'decree09', deadline_rule: { kind: 'working_days_after_cutoff', days: 3 }, form: { version: 1 } });
  });
});

describe('a report from draft to approval', () => {
  let id: number;

  it('opens as a draft for the Decree 09 window, with its deadline on the working calendar', async () => {
    at('2024-05-10T02:00:00Z');
    const res = await open(p5, ids.p5);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    id = r.id;
    expect(r).toMatchObject({ state: 'draft', period: { code: '2024M05', start: '2024-04-15', end: '2024-05-14' }, dueDate: '2024-05-17', revision: 1, regime: { demo: true } });
    expect(r.chain.map((c: { id: number }) => c.id)).toEqual([ids.district, ids.province]);
    expect((await open(p5, ids.p5)).json().id).toBe(id);
  });

  it('autosaves, refuses a save over a newer revision, and lists every error before submission', async () => {
    const first = await save(p5, id, 1, { RP_DOSSIERS_TOTAL: 100, RP_DOSSIERS_ONLINE: 130 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().revision).toBe(2);
    const stale = await save(p5, id, 1, { RP_DOSSIERS_TOTAL: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'report_conflict', field: 'revision' });
    const unknown = await save(p5, id, 2, { NOT_ON_FORM: 1 });
    expect(unknown.json().error.field).toBe('values.NOT_ON_FORM');
    const refused = await act(p5, id, 'submit');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('report_invalid');
    const fields = refused.json().error.details.map((f: { field: string; code: string }) => `${f.field}:${f.code}`).sort();
    expect(fields).toEqual(['NARRATIVE:narrative_required', 'ONLINE_LE_TOTAL:rule', 'RP_TECH_TEAM_MEMBERS:required']);
    expect(refused.json().error.details.find((f: { field: string }) => f.field === 'ONLINE_LE_TOTAL').vi).toBe('Hồ sơ trực tuyến không thể nhiều hơn tổng số hồ sơ (130 <= 100)');
    const negative = await save(p5, id, 2, { RP_TECH_TEAM_MEMBERS: -3 });
    expect(negative.json().findings.some((f: { field: string; code: string }) => f.field === 'RP_TECH_TEAM_MEMBERS' && f.code === 'min')).toBe(true);
  });

  it('is submitted by its commune once valid, and is then locked for editing', async () => {
    at('2024-05-16T03:00:00Z');
    const saved = await save(p5, id, 3, good, { NARRATIVE: 'Đã triển khai tổ công nghệ số ở 5 khóm.' });
    expect(saved.json().findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect((await act(p7, id, 'submit')).statusCode).toBe(403);
    const sent = await act(p5, id, 'submit');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'submitted', next: ids.district });
    const locked = await save(p5, id, 4, { RP_DOSSIERS_TOTAL: 1 });
    expect(locked.json().error.code).toBe('report_locked');
    expect((await act(p5, id, 'submit')).json().error.code).toBe('transition_refused');
  });

  it('the district returns it with comments, the commune corrects and resubmits', async () => {
    expect((await act(province, id, 'approve')).statusCode).toBe(403); // not the province's turn
    expect((await act(district, id, 'return')).json().error.field).toBe('note');
    const returned = await act(district, id, 'return', 'Số hồ sơ trực tuyến chưa khớp với phần mềm một cửa');
    expect(returned.json()).toMatchObject({ state: 'returned', approvals: [] });
    const fixed = await save(p5, id, 4, { RP_DOSSIERS_ONLINE: 85 });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await act(p5, id, 'submit')).json().state).toBe('submitted');
  });

  it('the district then the province approve; the numbers become data values at once; the data is locked', async () => {
    const first = await act(district, id, 'approve');
    expect(first.json()).toMatchObject({ state: 'submitted', approvals: [ids.district], next: ids.province });
    expect((await act(district, id, 'approve')).statusCode).toBe(403);
    const final = await act(province, id, 'approve');
    expect(final.json()).toMatchObject({ state: 'approved', approvals: [ids.district, ids.province], next: null });
    const value = (await admin.request({ method: 'GET', url: `/api/analytics?element=RP_DOSSIERS_ONLINE&orgUnitId=${ids.p5}&periods=2024M05` })).json();
    expect(value).toEqual([{ period: '2024M05', value: 85 }]);
    // The digital-transformation report feeds the Resolution 07 indicator of work files processed online (communes).
    const nq07 = (await admin.request({ method: 'GET', url: `/api/analytics?indicator=NQ07_WORKFILES_COMMUNE&orgUnitId=${ids.district}&periods=2024` })).json();
    expect(nq07).toEqual([{ period: '2024', value: 82.5 }]);
    const history = await t.database.db.selectFrom('data_value as v').innerJoin('data_element as e', 'e.id', 'v.element_id').select(['v.source_kind', 'v.source_ref', 'v.stored_by'])
      .where('e.code', '=', 'RP_DOSSIERS_ONLINE').where('v.org_unit_id', '=', ids.p5).executeTakeFirstOrThrow();
    expect(history).toEqual({ source_kind: 'report', source_ref: `report:${id}`, stored_by: 'thamdinh-tinh' });
    expect((await save(p5, id, 6, { RP_DOSSIERS_TOTAL: 1 })).json().error.code).toBe('report_locked');
    const view = (await p5.request({ method: 'GET', url: `/api/reporting/reports/${id}` })).json();
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'submit', 'approve', 'approve']);
  });

  it('unlocking needs the province and a reason', async () => {
    expect((await act(district, id, 'unlock', 'Sửa số liệu')).statusCode).toBe(403);
    expect((await act(province, id, 'unlock')).json().error.field).toBe('note');
    const unlocked = await act(province, id, 'unlock', 'Đơn vị báo sai số thành viên tổ công nghệ số');
    expect(unlocked.json()).toMatchObject({ state: 'returned', approvals: [] });
    for (const s of [district, province]) await act(p5, id, 'submit').then(() => act(s, id, 'approve'));
    expect((await p5.request({ method: 'GET', url: `/api/reporting/reports/${id}` })).json().state).toBe('approved');
  });
});

describe('roll-up, completeness and timeliness', () => {
  it('consolidates the approved reports of a district by each element\'s rule, the moment they are approved', async () => {
    at('2024-05-20T03:00:00Z'); // after the deadline of 17 May: Phường 7 is late
    const r = (await open(p7, ids.p7)).json();
    await save(p7, r.id, r.revision, { RP_DOSSIERS_TOTAL: 80, RP_DOSSIERS_ONLINE: 40, RP_TECH_TEAM_MEMBERS: 6 }, { NARRATIVE: 'Ổn định.' });
    await act(p7, r.id, 'submit');
    const before = (await district.request({ method: 'GET', url: `/api/reporting/consolidated?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(before.approvedReports).toBe(1);
    await act(district, r.id, 'approve');
    await act(province, r.id, 'approve');
    const after = (await district.request({ method: 'GET', url: `/api/reporting/consolidated?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    const total = (key: string) => after.totals.find((x: { key: string }) => x.key === key);
    // Hand-computed: Phường 5 (120, 85, 14) + Phường 7 (80, 40, 6).
    expect([after.approvedReports, total('RP_DOSSIERS_TOTAL').value, total('RP_DOSSIERS_ONLINE').value, total('RP_TECH_TEAM_MEMBERS').value]).toEqual([2, 200, 125, 20]);
    expect(total('RP_CASHLESS_HOUSEHOLDS')).toMatchObject({ value: null, reports: 0 });
  });

  it('shows who is on time, late and missing, for the district and for the province', async () => {
    const c = (await district.request({ method: 'GET', url: `/api/reporting/completeness?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(c).toMatchObject({ dueDate: '2024-05-17', onTime: 1, late: 1, approved: 2 });
    expect(c.expected).toBe(c.units.length);
    expect(c.missing).toBe(c.expected - 2);
    expect(c.units.find((u: { unitId: number }) => u.unitId === ids.p5)).toMatchObject({ status: 'on_time', submittedOn: '2024-05-16', state: 'approved' });
    expect(c.units.find((u: { unitId: number }) => u.unitId === ids.p7)).toMatchObject({ status: 'late', submittedOn: '2024-05-20' });
    const whole = (await province.request({ method: 'GET', url: '/api/reporting/completeness?regime=BC_CDS&period=2024M05' })).json();
    expect(whole.expected).toBeGreaterThan(100);
    expect(whole.submitted).toBe(2);
    const own = (await p5.request({ method: 'GET', url: '/api/reporting/completeness?regime=BC_CDS&period=2024M05' })).json();
    expect(own.units.map((u: { unitId: number }) => u.unitId)).toEqual([ids.p5]);
  });

  it('the reviewer\'s queue holds what waits for its unit', async () => {
    at('2024-05-21T03:00:00Z');
    const other = await unitId(t, '31504', '2024-05-14');
    const r = (await admin.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_CDS', unitId: other, period: '2024M05' } })).json();
    await admin.request({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, payload: { values: good, narrative: { NARRATIVE: 'Báo cáo do quản trị nhập hộ.' }, revision: 1 } });
    await admin.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, payload: {} });
    expect((await district.request({ method: 'GET', url: '/api/reporting/queue' })).json().map((x: { id: number }) => x.id)).toEqual([r.id]);
    expect((await province.request({ method: 'GET', url: '/api/reporting/queue' })).json()).toEqual([]);
  });
});

describe('completeness over time', () => {
  it('gives the trend period by period, on each period\'s hierarchy, within the caller\'s units', async () => {
    const trend = (await district.request({ method: 'GET', url: '/api/reporting/completeness/history?regime=BC_CDS&from=2024M04&to=2024M06' })).json();
    const c = (await district.request({ method: 'GET', url: `/api/reporting/completeness?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(trend.map((p: { period: string }) => p.period)).toEqual(['2024M04', '2024M05', '2024M06']);
    expect(trend[1]).toMatchObject({ expected: c.expected, submitted: 3, onTime: 1, approved: 2 });
    expect(trend[0]).toMatchObject({ submitted: 0, rate: 0 });
    const whole = (await admin.request({ method: 'GET', url: '/api/reporting/completeness/history?regime=BC_CDS&from=2025M06&to=2025M08' })).json();
    // June 2025 is reported by Sóc Trăng's communes (cut-off 14 June), July and August by Cần Thơ's wards and communes.
    expect(whole.map((p: { expected: number }) => p.expected)).toEqual([108, 103, 103]);
    // A reviewer of the 2024 province keeps its 2024 units, not their 2025 successors.
    expect((await province.request({ method: 'GET', url: '/api/reporting/completeness/history?regime=BC_CDS&from=2025M06&to=2025M08' })).json().map((p: { expected: number }) => p.expected)).toEqual([108, 0, 0]);
  });
});

describe('exchange messages shaped after QCVN 125:2021', () => {
  const message = async (s: Session, query: string) => (await s.request({ method: 'GET', url: `/api/reporting/exchange/qcvn125?${query}` })).json();
  it('regimes, periods and forms', async () => {
    t.ctx.clock.now = null;
    const regimes = await message(admin, 'packet=CHE_DO_BAO_CAO');
    expect(regimes.header).toMatchObject({ loaiGoiTin: 'CHE_DO_BAO_CAO', phienBan: 'QCVN125:2021-shaped/1', heThongGui: 'Tỉnh Số' });
    expect(regimes.body).toHaveLength(13);
    expect(regimes.body.find((r: { maCheDo: string }) => r.maCheDo === 'BC_CDS')).toMatchObject({ loai: 'DINH_KY', tanSuat: 'month', thoiGianChotSoLieu: 'NGAY_15_THANG_TRUOC_DEN_NGAY_14', doiTuongThucHien: { capDonVi: 'commune' }, coQuanNhan: '92' });
    const periods = await message(admin, 'packet=KY_BAO_CAO&regime=BC_CDS&year=2024');
    expect(periods.body[0].kyBaoCao).toHaveLength(12);
    expect(periods.body[0].kyBaoCao[4]).toEqual({ maKy: '2024M05', tuNgay: '2024-04-15', denNgay: '2024-05-14', hanGui: '2024-05-17' });
    const forms = await message(admin, 'packet=BIEU_MAU&regime=BC_TTHC');
    expect(forms.body[0].chiTieu.map((c: { maChiTieu: string }) => c.maChiTieu)).toEqual(['RP_TTHC_RECEIVED', 'RP_TTHC_ON_TIME', 'RP_TTHC_LATE']);
    expect(forms.body[0].quyTacKiemTra[0]).toMatchObject({ bieuThuc: 'RP_TTHC_ON_TIME+RP_TTHC_LATE <= RP_TTHC_RECEIVED', mucDo: 'LOI' });
  });
  it('approved data and statuses, within the caller\'s units', async () => {
    const data = await message(district, 'packet=SO_LIEU&regime=BC_CDS&period=2024M05');
    const p5data = data.body.find((r: { maDonVi: string }) => r.maDonVi === '31498');
    expect(p5data.soLieu).toEqual(expect.arrayContaining([{ maChiTieu: 'RP_DOSSIERS_ONLINE', giaTri: 85 }]));
    const states = await message(p5, 'packet=TRANG_THAI_BAO_CAO&regime=BC_CDS&period=2024M05');
    expect(states.body).toEqual([expect.objectContaining({ maDonVi: '31498', trangThai: 'DA_PHE_DUYET', hanGui: '2024-05-17', capDaDuyet: 2 })]);
  });
});

describe('permissions and machines', () => {
  it('a commune officer sees and submits only its own commune', async () => {
    expect((await open(p7, ids.p5)).statusCode).toBe(403);
    const mine = (await open(p5, ids.p5, '2024M06')).json();
    expect((await p7.request({ method: 'GET', url: `/api/reporting/reports/${mine.id}` })).statusCode).toBe(403);
    expect((await save(p7, mine.id, 1, good)).statusCode).toBe(403);
    expect((await open(p5, ids.district)).statusCode).toBe(403);
    expect((await open(p5, ids.p5, '2024Q2')).json().error.field).toBe('period');
  });

  it('another system submits with an API token of scope "reports" bound to its unit', async () => {
    const { token } = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Phần mềm một cửa P7', scopes: ['reports'], orgUnitId: ids.p7 } })).json();
    const auth = { authorization: `Bearer ${token}` };
    const opened = await t.app.inject({ method: 'POST', url: '/api/reporting/reports', headers: auth, payload: { regime: 'BC_TTHC', unitId: ids.p7, period: '2024M06' } });
    expect(opened.statusCode, opened.body).toBe(200);
    const r = opened.json();
    const saved = await t.app.inject({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, headers: auth, payload: { values: { RP_TTHC_RECEIVED: 50, RP_TTHC_ON_TIME: 45, RP_TTHC_LATE: 3 }, narrative: { NARRATIVE: 'Gửi tự động.' }, revision: r.revision } });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await t.app.inject({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, headers: auth, payload: {} });
    expect(sent.json().state).toBe('submitted');
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/reporting/reports', headers: auth, payload: { regime: 'BC_TTHC', unitId: ids.p5, period: '2024M06' } });
    expect(elsewhere.statusCode).toBe(403);
  });
});

describe('forms are versioned', () => {
  it('a changed form is a new version; a report keeps the version it was made with', async () => {
    const before = (await open(p5, ids.p5, '2024M07')).json();
    const regime = (await admin.request({ method: 'GET', url: '/api/reporting/regimes/BC_CDS' })).json();
    const form = regime.form.definition;
    form.sections[0].items.push({ element: 'RP_NEW_ENTERPRISES', required: true, min: 0 });
    const body = {
      code: 'BC_CDS', nameVi: regime.name_vi, nameEn: regime.name_en, kind: regime.kind, content: regime.content, reportingLevel: regime.reporting_level, reportingUnitType: null,
      receivingUnitCode: '92', sendingMethod: regime.sending_method, frequency: regime.frequency, basis: regime.period_basis, deadline: regime.deadline_rule,
      guidance: regime.guidance, legalBasis: regime.legal_basis, electronic: regime.electronic, form,
    };
    const saved = await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_CDS', payload: body });
    expect(saved.json(), saved.body).toMatchObject({ formVersion: 2 });
    expect((await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_CDS', payload: body })).json().formVersion).toBe(2);
    const badRule = await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_CDS', payload: { ...body, form: { ...form, rules: [{ code: 'X', left: 'NOPE', op: '<=', right: 'RP_DOSSIERS_TOTAL', severity: 'error', messageVi: 'x', messageEn: 'x' }] } } });
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().error.field).toBe('form.rules.0.left');
    const noCoc = await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_CDS', payload: { ...body, form: { ...form, sections: [{ ...form.sections[0], items: [...form.sections[0].items, { element: 'RP_DIGITAL_SKILLS_TRAINED' }] }, ...form.sections.slice(1)] } } });
    expect(noCoc.json().error.field).toBe(`form.sections.0.items.${form.sections[0].items.length}.coc`);
    expect((await p5.request({ method: 'GET', url: `/api/reporting/reports/${before.id}` })).json().form.version).toBe(1);
    expect((await open(p5, ids.p5, '2024M08')).json().form.version).toBe(2);
  });
});

describe('the Resolution 07 indicator', () => {
  it('counts the regimes that reached the system electronically this year, the moment a report is submitted', async () => {
    at('2026-11-20T03:00:00Z');
    const ward = await unitId(t, '31507', '2025-07-01');
    const canbo = await t.login('canbo');
    const r = (await canbo.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: ward, period: '2026M11' } })).json();
    await canbo.request({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, payload: { values: { RP_TTHC_RECEIVED: 10, RP_TTHC_ON_TIME: 10, RP_TTHC_LATE: 0 }, narrative: { NARRATIVE: 'Tốt.' }, revision: r.revision } });
    expect(r.chain.map((c: { name: string }) => c.name)).toEqual(['Thành phố Cần Thơ']);
    expect((await canbo.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, payload: {} })).json().state).toBe('submitted');
    const city = await unitId(t, '92', '2025-07-01');
    const rate = (await admin.request({ method: 'GET', url: `/api/analytics?indicator=NQ07_REPORT_REGIMES&orgUnitId=${city}&periods=2026` })).json();
    expect(rate).toHaveLength(1);
    expect(rate[0].value).toBeCloseTo((1 / 13) * 100, 6);
    t.ctx.clock.now = null;
  });
});

describe('reminders', () => {
  it('reminds a unit once before the deadline and once when late, and sends reviewers a digest', async () => {
    const { sendReportReminders } = await import('../src/modules/reporting/index.js');
    const db = t.database.db;
    const officer = await db.selectFrom('app_user').select('id').where('username', '=', 'canbo-p5').executeTakeFirstOrThrow();
    const reviewer = await db.selectFrom('app_user').select('id').where('username', '=', 'thamdinh-tp').executeTakeFirstOrThrow();
    const mine = (event: string, user: number) => db.selectFrom('notification').select(['subject', 'payload']).where('user_id', '=', user).where('event', '=', event).execute();
    // BC_NN for 2024M09 (15 Aug – 14 Sep, a Saturday): due three working days later (16, 17, 18), Wednesday 18 September.
    const ofPeriod = <T extends { payload: unknown }>(rows: T[]) => rows.filter((n) => (n.payload as { regime: string }).regime === 'BC_NN' && (n.payload as { period: string }).period === '2024M09');
    await sendReportReminders(db, new Date('2024-09-15T01:00:00Z'));
    expect(ofPeriod(await mine('report.due_soon', officer.id))).toEqual([]);
    await sendReportReminders(db, new Date('2024-09-16T01:00:00Z'));
    await sendReportReminders(db, new Date('2024-09-17T01:00:00Z'));
    const soon = ofPeriod(await mine('report.due_soon', officer.id));
    expect(soon).toHaveLength(1);
    expect(soon[0]!.subject).toBe('[Tỉnh Số] Nhắc báo cáo: Báo cáo tình hình sản xuất nông nghiệp, kỳ 2024M09 — hạn 18/09/2024');
    await sendReportReminders(db, new Date('2024-09-19T01:00:00Z'));
    await sendReportReminders(db, new Date('2024-09-20T01:00:00Z'));
    const late = ofPeriod(await mine('report.overdue', officer.id));
    expect(late).toHaveLength(1);
    expect((await mine('report.digest', reviewer.id)).length).toBeGreaterThan(0);
    const emails = await db.selectFrom('notification').select('recipient').where('channel', '=', 'email').where('event', '=', 'report.overdue').where('recipient', '=', 'canbo-p5@example.org').execute();
    expect(emails.length).toBeGreaterThan(0);
  });

  it('a reviewer reminds the late units of its district in one click', async () => {
    at('2024-05-22T03:00:00Z');
    const res = await district.request({ method: 'POST', url: '/api/reporting/remind', payload: { regime: 'BC_CDS', period: '2024M05' } });
    expect(res.statusCode, res.body).toBe(200);
    const c = (await district.request({ method: 'GET', url: `/api/reporting/completeness?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(res.json().reminded).toBe(c.missing);
    const outside = await district.request({ method: 'POST', url: '/api/reporting/remind', payload: { regime: 'BC_CDS', period: '2024M05', unitIds: [await unitId(t, '31569', '2024-05-14')] } });
    expect(outside.statusCode).toBe(403);
    t.ctx.clock.now = null;
  });
});

describe('completeness as data values', () => {
  it('writes expected, submitted and on time per unit and regime; the rates follow for any unit above', async () => {
    t.ctx.clock.now = null;
    const { publishCompleteness } = await import('../src/modules/reporting/index.js');
    const { regimeByCode, regimePeriod } = await import('../src/modules/reporting/index.js');
    const regime = await regimeByCode(t.database.db, 'BC_CDS');
    await publishCompleteness(t.database.db, regime, regimePeriod(regime, '2024M05'));
    const rate = async (indicator: string, unit: number) => (await admin.request({ method: 'GET', url: `/api/analytics?indicator=${indicator}&orgUnitId=${unit}&periods=2024M05` })).json()[0]?.value;
    const c = (await district.request({ method: 'GET', url: `/api/reporting/completeness?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(await rate('REPORT_SUBMISSION_RATE', ids.district)).toBeCloseTo((c.submitted / c.expected) * 100, 6);
    expect(await rate('REPORT_ON_TIME_RATE', ids.district)).toBeCloseTo((c.onTime / c.expected) * 100, 6);
    expect(await rate('REPORT_ON_TIME_RATE', ids.p5)).toBe(100);
    expect(await rate('REPORT_SUBMISSION_RATE', ids.province)).toBeGreaterThan(0);
  });
});

describe('reporting units by type', () => {
  it('a regime for the wards only expects the wards of its level, not the communes', async () => {
    t.ctx.clock.now = null;
    const regime = (await admin.request({ method: 'GET', url: '/api/reporting/regimes/BC_ATTP' })).json();
    const body = {
      code: 'BC_PHUONG', nameVi: 'Báo cáo trật tự đô thị (phường)', nameEn: 'Urban order report (wards)', kind: 'periodic', content: 'Trật tự đô thị',
      reportingLevel: 'commune', reportingUnitType: 'Phường', receivingUnitCode: '92', sendingMethod: 'Hệ thống', frequency: 'quarter', basis: 'decree09',
      deadline: { kind: 'day_of_month', day: 20, monthsAfterCutoff: 0, nextWorkingDay: true }, guidance: null, legalBasis: null, electronic: true, form: regime.form.definition,
    };
    expect((await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_PHUONG', payload: body })).statusCode).toBe(200);
    const c = (await admin.request({ method: 'GET', url: '/api/reporting/completeness?regime=BC_PHUONG&period=2026Q3' })).json();
    const types = await t.database.db.selectFrom('org_unit').select('type').where('id', 'in', c.units.map((u: { unitId: number }) => u.unitId)).execute();
    expect(c.expected).toBeGreaterThan(0);
    expect(c.expected).toBeLessThan(103);
    expect(new Set(types.map((x) => x.type))).toEqual(new Set(['Phường']));
    const message = (await admin.request({ method: 'GET', url: '/api/reporting/exchange/qcvn125?packet=CHE_DO_BAO_CAO&regime=BC_PHUONG' })).json();
    expect(message.body[0].doiTuongThucHien).toEqual({ capDonVi: 'commune', loaiDonVi: 'Phường' });
  });
});

describe('every transition of the workflow', () => {
  it('allows exactly the steps of each state, for the right unit, and refuses the rest with 409', async () => {
    at('2024-07-16T03:00:00Z');
    const r = (await open(p5, ids.p5, '2024M07', 'BC_TTHC')).json();
    const id = r.id as number;
    await save(p5, id, r.revision, { RP_TTHC_RECEIVED: 10, RP_TTHC_ON_TIME: 9, RP_TTHC_LATE: 1 }, { NARRATIVE: 'Ổn định.' });
    const refused = async (s: Session, action: string, note = 'Lý do') => {
      const res = await act(s, id, action, note);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(409);
      expect(res.json().error.code).toBe('transition_refused');
    };
    // draft: only submit.
    for (const action of ['approve', 'return']) await refused(district, action);
    await refused(province, 'unlock');
    expect((await act(p5, id, 'submit')).json().state).toBe('submitted');
    // submitted: approve or return by the next level only; no submit, no unlock.
    await refused(p5, 'submit');
    await refused(province, 'unlock');
    expect((await act(p5, id, 'approve')).statusCode).toBe(403);
    expect((await act(district, id, 'return', 'Thiếu số liệu')).json().state).toBe('returned');
    // returned: submit again; nothing else.
    for (const action of ['approve', 'return']) await refused(district, action);
    await refused(province, 'unlock');
    expect((await act(p5, id, 'submit')).json().state).toBe('submitted');
    // The province may return after the district approved.
    expect((await act(district, id, 'approve')).json().approvals).toEqual([ids.district]);
    expect((await act(district, id, 'return', 'x')).statusCode).toBe(403);
    expect((await act(province, id, 'return', 'Sai kỳ')).json()).toMatchObject({ state: 'returned', approvals: [] });
    await act(p5, id, 'submit');
    await act(district, id, 'approve');
    expect((await act(province, id, 'approve')).json().state).toBe('approved');
    // approved: only unlock by the province; every other step refused.
    await refused(p5, 'submit');
    for (const action of ['approve', 'return']) await refused(province, action);
    expect((await act(province, id, 'unlock', 'Điều chỉnh số liệu')).json().state).toBe('returned');
    const steps = (await p5.request({ method: 'GET', url: `/api/reporting/reports/${id}` })).json().timeline.map((e: { action: string; to_state: string }) => `${e.action}:${e.to_state}`);
    expect(steps).toEqual(['create:draft', 'submit:submitted', 'return:returned', 'submit:submitted', 'approve:submitted', 'return:returned', 'submit:submitted', 'approve:submitted', 'approve:approved', 'unlock:returned']);
    t.ctx.clock.now = null;
  });
});
