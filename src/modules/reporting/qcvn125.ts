import crypto from 'node:crypto';
import type { Db } from '../../db/database.js';
import { type Actor, scopeUnitIds } from '../../core/access/index.js';
import { loadWorkingCalendar, vnDate } from '../../core/calendar/index.js';
import { unitCacheFor } from '../../core/org-units/index.js';
import { itemKey, type FormDefinition } from './forms.js';
import { dueDate, periodsOfYear, type DeadlineRule } from './periods.js';
import { currentForm, regimeByCode, regimePeriod } from './regimes.js';
import { activeRegimes } from './repo.js';
import { exchangeReports } from './report-repo.js';
import { PACKETS } from './schema.js';

export { PACKETS };

/**
 * Messages shaped after the packets of QCVN 125:2021/BTTTT (data structures for connecting reporting systems), as far
 * as its public summaries describe them: CHE_DO_BAO_CAO (regimes), KY_BAO_CAO (reporting periods), BIEU_MAU (forms
 * and outlines), SO_LIEU (approved data) and TRANG_THAI_BAO_CAO (report status). The regulation's full field lists and
 * transport were not available to us: field names here are our own, documented in docs/reporting-exchange.md.
 */
export type Packet = (typeof PACKETS)[number];

async function envelope(db: Db, packet: Packet, now: Date, body: unknown) {
  const root = (await unitCacheFor(db).inForce(vnDate(now))).find((u) => u.level === 'province');
  return {
    header: {
      loaiGoiTin: packet, phienBan: 'QCVN125:2021-shaped/1', maGoiTin: crypto.randomUUID(), thoiGianGui: now.toISOString(),
      donViGui: root ? { ma: root.code, ten: root.name } : null, heThongGui: 'Tỉnh Số',
    },
    body,
  };
}

export async function qcvn125Message(db: Db, actor: Actor, input: { packet: Packet; regime?: string; period?: string; year?: number }, now: Date) {
  const regimes = input.regime ? [await regimeByCode(db, input.regime)] : await activeRegimes(db);
  const units = new Map((await unitCacheFor(db).inForce(vnDate(now))).map((u) => [u.id, u]));
  const unitOf = async (id: number, date: string) => (await unitCacheFor(db).inForce(date)).find((u) => u.id === id) ?? units.get(id);
  switch (input.packet) {
    case 'CHE_DO_BAO_CAO':
      return envelope(db, input.packet, now, regimes.map((r) => ({
        maCheDo: r.code, tenCheDo: r.name_vi, tenTiengAnh: r.name_en, loai: { periodic: 'DINH_KY', thematic: 'CHUYEN_DE', ad_hoc: 'DOT_XUAT' }[r.kind],
        noiDungYeuCau: r.content, doiTuongThucHien: r.reporting_unit_ids.length ? { danhSachDonVi: r.reporting_unit_ids } : { capDonVi: r.reporting_level, ...(r.reporting_unit_type ? { loaiDonVi: r.reporting_unit_type } : {}) },
        coQuanNhan: units.get(r.receiving_unit_id)?.code ?? null, phuongThucGuiNhan: r.sending_method, tanSuat: r.frequency,
        thoiGianChotSoLieu: r.period_basis === 'decree09' ? 'NGAY_15_THANG_TRUOC_DEN_NGAY_14' : 'THEO_LICH', thoiHanGui: r.deadline_rule,
        huongDan: r.guidance, canCuPhapLy: r.legal_basis, guiQuaHeThong: r.electronic, cauHinhMinhHoa: r.demo,
      })));
    case 'KY_BAO_CAO': {
      const calendar = await loadWorkingCalendar(db);
      const year = input.year ?? Number(vnDate(now).slice(0, 4));
      return envelope(db, input.packet, now, regimes.map((r) => ({
        maCheDo: r.code,
        kyBaoCao: periodsOfYear(r.frequency, year, r.period_basis).map((p) => ({ maKy: p.code, tuNgay: p.start, denNgay: p.end, hanGui: dueDate(p, r.deadline_rule as unknown as DeadlineRule, calendar) })),
      })));
    }
    case 'BIEU_MAU': {
      const out = [];
      for (const r of regimes) {
        const form = await currentForm(db, r.id);
        const def = form.definition as FormDefinition;
        out.push({
          maCheDo: r.code, phienBanBieuMau: form.version,
          chiTieu: def.sections.flatMap((s) => (s.kind === 'data' ? s.items.map((i) => ({ maChiTieu: itemKey(i), maPhan: s.code, batBuoc: i.required, giaTriNhoNhat: i.min ?? null, giaTriLonNhat: i.max ?? null })) : [])),
          deCuong: def.sections.filter((s) => s.kind === 'narrative').map((s) => ({ maPhan: s.code, tieuDe: s.titleVi, noiDung: s.kind === 'narrative' ? s.outline : [] })),
          quyTacKiemTra: def.rules.map((rule) => ({ ma: rule.code, bieuThuc: `${rule.left} ${rule.op} ${rule.right}`, mucDo: rule.severity === 'error' ? 'LOI' : 'CANH_BAO', thongBao: rule.messageVi })),
        });
      }
      return envelope(db, input.packet, now, out);
    }
    case 'SO_LIEU':
    case 'TRANG_THAI_BAO_CAO': {
      const scope = await scopeUnitIds(db, actor);
      const rows = [];
      for (const r of regimes) {
        const period = input.period ? regimePeriod(r, input.period).code : undefined;
        for (const rep of await exchangeReports(db, r.id, { period, approvedOnly: input.packet === 'SO_LIEU' })) {
          if (scope && !scope.has(rep.org_unit_id)) continue;
          const unit = await unitOf(rep.org_unit_id, rep.period_end);
          const base = { maCheDo: r.code, maKy: rep.period, maDonVi: unit?.code ?? String(rep.org_unit_id), tenDonVi: unit?.name ?? null };
          if (input.packet === 'SO_LIEU') {
            rows.push({ ...base, ngayPheDuyet: rep.approved_at?.toISOString() ?? null, soLieu: Object.entries(rep.values).filter(([, v]) => v !== null).map(([k, v]) => ({ maChiTieu: k, giaTri: v })), thuyetMinh: rep.narrative });
          } else {
            rows.push({ ...base, trangThai: { draft: 'DANG_SOAN', submitted: 'DA_GUI', returned: 'TRA_LAI', approved: 'DA_PHE_DUYET' }[rep.state], ngayGui: rep.first_submitted_at?.toISOString() ?? null, hanGui: rep.due_date, capDaDuyet: rep.approvals.length });
          }
        }
      }
      return envelope(db, input.packet, now, rows);
    }
  }
}
