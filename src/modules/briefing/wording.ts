import { dayMonthYear } from '../../core/calendar/index.js';
import type { Locale } from '../../db/schema.js';
import type { BriefingKind, Period } from './policy.js';
import type { BriefingContent } from './schema.js';

// The briefing's words in each language: its title and the few lines an e-mail and a notice carry.

export function briefingTitle(kind: BriefingKind, period: Period, locale: Locale): string {
  if (kind === 'daily') return locale === 'vi' ? `Bản tin điều hành ngày ${dayMonthYear(period.start)}` : `Daily briefing, ${dayMonthYear(period.start)}`;
  const span = `${dayMonthYear(period.start)} – ${dayMonthYear(period.end)}`;
  return locale === 'vi' ? `Bản tin điều hành tuần ${span}` : `Weekly briefing, ${span}`;
}

/** Numbers as each language writes them: 1.234,5 in Vietnamese, 1,234.5 in English. */
export const formatFigure = (value: number | null, locale: Locale) =>
  value === null ? '—' : new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);

/** The briefing in three lines: alerts, feedback, reports. */
export function briefingSummary(c: BriefingContent, locale: Locale): string {
  const a = c.alerts;
  const f = c.feedback;
  if (locale === 'vi') {
    return [
      `Cảnh báo mới: ${a.raised.current} (kỳ trước ${a.raised.previous}); quá hạn tiếp nhận: ${a.overdue}.`,
      `Phản ánh: tiếp nhận ${f.received.current}, đã trả lời ${f.answered.current} (đúng hạn ${f.answeredOnTime.current}); đang trễ hạn ${f.late}.`,
      `Báo cáo trễ hạn: ${c.reports.lateUnits} lượt đơn vị chưa gửi, ${c.reports.late.length} kỳ báo cáo.`,
    ].join('\n');
  }
  return [
    `New alerts: ${a.raised.current} (previous period ${a.raised.previous}); overdue for acknowledgement: ${a.overdue}.`,
    `Feedback: ${f.received.current} received, ${f.answered.current} answered (${f.answeredOnTime.current} on time); ${f.late} now late.`,
    `Late reports: ${c.reports.lateUnits} unit reports missing over ${c.reports.late.length} reporting periods.`,
  ].join('\n');
}
