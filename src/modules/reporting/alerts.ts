import { syncAlerts, type WantedAlert } from '../../core/alerts/index.js';
import { dayMonthYear, loadWorkingCalendar, vnDate } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { watchedPeriods } from './periods.js';
import { outstanding } from './reminders.js';
import { activeRegimes } from './repo.js';

const SOURCE = 'reporting.late';

/**
 * One alert per regime and period past its deadline with reports still missing, to the unit that receives them:
 * how many units are late, and which. It clears itself when the last report arrives; a period is watched while it
 * is the running or the previous one.
 */
export async function alertLateReports(db: Db, now: Date, log?: (message: string) => void): Promise<{ raised: number; cleared: number }> {
  const calendar = await loadWorkingCalendar(db);
  const today = vnDate(now);
  const wanted = new Map<string, WantedAlert>();
  for (const regime of await activeRegimes(db, { electronic: true })) {
    for (const { period, due } of watchedPeriods(regime, today, calendar)) {
      if (today <= due) continue;
      const late = await outstanding(db, regime, period);
      if (!late.length) continue;
      wanted.set(`report:${regime.code}:${period.code}`, {
        type: 'REPORT_LATE',
        title: {
          vi: `${regime.name_vi}, kỳ ${period.code}: ${late.length} đơn vị chưa gửi (hạn ${dayMonthYear(due)})`,
          en: `${regime.name_en}, period ${period.code}: ${late.length} units have not sent it (due ${dayMonthYear(due)})`,
        },
        unitId: regime.receiving_unit_id,
        evidence: { regime: regime.code, period: period.code, dueDate: due, lateUnitIds: late.slice(0, 200).map((u) => u.id), late: late.length, link: `/reports/completeness?regime=${regime.code}&period=${period.code}` },
      });
    }
  }
  return syncAlerts({
    db, source: SOURCE, keyPrefix: 'report:', wanted, now,
    clearNote: 'Các đơn vị đã gửi đủ báo cáo / Every unit has sent its report',
    onRefused: (key, err) => log?.(`${key}: ${err.code}`),
  });
}
