import { syncAlerts, type WantedAlert } from '../../core/alerts/index.js';
import { dayMonthYear, loadWorkingCalendar, vnDate } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { watchedPeriods } from './periods.js';
import { outstanding } from './reminders.js';
import { activeRegimes } from './repo.js';

const SOURCE = 'reporting.late';

export interface LateReports {
  regime: string; nameVi: string; nameEn: string; period: string; dueDate: string; receivingUnitId: number; late: { id: number }[];
}

/** Each regime and watched period past its deadline on a day with reports still missing, and who has not sent them. */
export async function lateReportList(db: Db, now: Date): Promise<LateReports[]> {
  const calendar = await loadWorkingCalendar(db);
  const today = vnDate(now);
  const out: LateReports[] = [];
  for (const regime of await activeRegimes(db, { electronic: true })) {
    for (const { period, due } of watchedPeriods(regime, today, calendar)) {
      if (today <= due) continue;
      const late = await outstanding(db, regime, period);
      if (late.length) {
        out.push({ regime: regime.code, nameVi: regime.name_vi, nameEn: regime.name_en, period: period.code, dueDate: due, receivingUnitId: regime.receiving_unit_id, late });
      }
    }
  }
  return out;
}

/**
 * One alert per regime and period past its deadline with reports still missing, to the unit that receives them:
 * how many units are late, and which. It clears itself when the last report arrives; a period is watched while it
 * is the running or the previous one.
 */
export async function alertLateReports(db: Db, now: Date, log?: (message: string) => void): Promise<{ raised: number; cleared: number }> {
  const wanted = new Map<string, WantedAlert>();
  for (const { regime, nameVi, nameEn, period, dueDate, receivingUnitId, late } of await lateReportList(db, now)) {
    wanted.set(`report:${regime}:${period}`, {
      type: 'REPORT_LATE',
      title: {
        vi: `${nameVi}, kỳ ${period}: ${late.length} đơn vị chưa gửi (hạn ${dayMonthYear(dueDate)})`,
        en: `${nameEn}, period ${period}: ${late.length} units have not sent it (due ${dayMonthYear(dueDate)})`,
      },
      unitId: receivingUnitId,
      evidence: { regime, period, dueDate, lateUnitIds: late.slice(0, 200).map((u) => u.id), late: late.length, link: `/reports/completeness?regime=${regime}&period=${period}` },
    });
  }
  return syncAlerts({
    db, source: SOURCE, keyPrefix: 'report:', wanted, now,
    clearNote: 'Các đơn vị đã gửi đủ báo cáo / Every unit has sent its report',
    onRefused: (key, err) => log?.(`${key}: ${err.code}`),
  });
}
