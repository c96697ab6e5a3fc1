import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/helpers.js';
import { admin, approvedReportOfPhuong5, district, p5, t, useReportingApp } from './test-setup.js';

// The approved data and statuses are those of Phường 5's report of 2024M05, made in the setup.
useReportingApp();
beforeAll(approvedReportOfPhuong5);

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
