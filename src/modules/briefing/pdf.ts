import { SEVERITIES, SEVERITY_WORDS } from '../../core/alerts/index.js';
import { dayMonthYear, vnDate } from '../../core/calendar/index.js';
import { openPdf } from '../../core/pdf/index.js';
import type { Locale } from '../../db/schema.js';
import type { BriefingView } from './schema.js';
import { briefingTitle, formatFigure } from './wording.js';

// The briefing as a leader prints it: one A4 page or two, portrait, what changed section by section.

const WORDS = {
  vi: {
    made: 'Lập lúc', compared: 'So với kỳ trước', figures: 'Chỉ số theo lĩnh vực', field: 'Lĩnh vực', indicator: 'Chỉ số', period: 'Kỳ',
    now: 'Kỳ này', before: 'Kỳ trước', change: 'Xu hướng', alerts: 'Cảnh báo', raised: 'Cảnh báo mới', active: 'Đang mở', overdue: 'Quá hạn tiếp nhận',
    feedback: 'Phản ánh, kiến nghị', received: 'Tiếp nhận', answered: 'Đã trả lời', onTime: 'Trả lời đúng hạn', late: 'Đang trễ hạn',
    reports: 'Báo cáo trễ hạn', regime: 'Chế độ báo cáo', due: 'Hạn', missing: 'Đơn vị chưa gửi', none: 'Không có.', page: 'Trang', of: '/',
    breach: 'vượt ngưỡng',
    trends: { up: '▲ tăng', down: '▼ giảm', same: '= không đổi', unknown: '—' },
  },
  en: {
    made: 'Made at', compared: 'Against the previous period', figures: 'Figures by field', field: 'Field', indicator: 'Figure', period: 'Period',
    now: 'This period', before: 'Previous', change: 'Trend', alerts: 'Alerts', raised: 'New alerts', active: 'Active', overdue: 'Overdue for acknowledgement',
    feedback: 'Citizen feedback', received: 'Received', answered: 'Answered', onTime: 'Answered on time', late: 'Now late',
    reports: 'Late reports', regime: 'Reporting regime', due: 'Due', missing: 'Units missing', none: 'None.', page: 'Page', of: ' of ',
    breach: 'past threshold',
    trends: { up: '▲ up', down: '▼ down', same: '= same', unknown: '—' },
  },
} as const;

const INK = '#111111';
const HEAD = '#1a365d';
const GREY = '#555555';

export async function briefingPdf(briefing: BriefingView, locale: Locale): Promise<Buffer> {
  const w = WORDS[locale];
  const c = briefing.content;
  const title = briefingTitle(briefing.kind, c.period, locale);
  const { doc, finish } = await openPdf({ title });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom - 14;
  const name = (bi: { vi: string; en: string }) => bi[locale];

  /** A table: a header row, then rows, each cell in its column; a row that does not fit starts a new page. */
  function table(columns: { label: string; width: number }[], rows: string[][]) {
    const xs = columns.map((_, i) => left + columns.slice(0, i).reduce((s, col) => s + col.width, 0));
    const line = (cells: string[], font: 'regular' | 'bold', colour: string) => {
      doc.font(font).fontSize(8.5);
      const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i]!.width - 6 })), 10) + 5;
      if (doc.y + height > bottom) doc.addPage();
      const y = doc.y;
      cells.forEach((text, i) => doc.fillColor(colour).text(text, xs[i]!, y, { width: columns[i]!.width - 6 }));
      doc.moveTo(left, y + height - 2).lineTo(left + width, y + height - 2).lineWidth(0.25).strokeColor('#cccccc').stroke();
      doc.x = left;
      doc.y = y + height;
    };
    line(columns.map((col) => col.label), 'bold', GREY);
    for (const row of rows) line(row, 'regular', INK);
  }
  const section = (heading: string) => {
    if (doc.y > bottom - 60) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(11.5).fillColor(HEAD).text(heading, left, doc.y, { width }).moveDown(0.3);
  };
  const none = () => doc.font('regular').fontSize(9).fillColor(GREY).text(w.none, left, doc.y, { width });
  const versus = (n: { current: number; previous: number; trend: keyof typeof w.trends }) =>
    [formatFigure(n.current, locale), formatFigure(n.previous, locale), w.trends[n.trend]];

  doc.font('bold').fontSize(16).fillColor(HEAD).text(title, left, doc.page.margins.top, { width });
  doc.font('regular').fontSize(9).fillColor(GREY).text(
    `${c.unit.name} · ${w.made} ${briefing.generatedAt.toISOString().slice(11, 16)} UTC ${dayMonthYear(vnDate(briefing.generatedAt))} · ${w.compared}: ${dayMonthYear(c.previous.start)} – ${dayMonthYear(c.previous.end)}`,
    { width },
  );

  section(w.alerts);
  table([{ label: '', width: 220 }, { label: w.now, width: 100 }, { label: w.before, width: 100 }, { label: w.change, width: width - 420 }], [
    [w.raised, ...versus(c.alerts.raised)],
    ...SEVERITIES.map((s) => [`   ${SEVERITY_WORDS[s][locale]}`, formatFigure(c.alerts.raisedBySeverity[s], locale), '', '']),
    [w.active, formatFigure(Object.values(c.alerts.active).reduce((a, b) => a + b, 0), locale), '', ''],
    [w.overdue, formatFigure(c.alerts.overdue, locale), '', ''],
  ]);
  if (c.alerts.overdueList.length) {
    doc.moveDown(0.4);
    table([{ label: w.overdue, width: width - 200 }, { label: '', width: 90 }, { label: '', width: 110 }],
      c.alerts.overdueList.map((a) => [name(a.title), SEVERITY_WORDS[a.severity][locale], a.unit ?? '']));
  }

  section(w.feedback);
  table([{ label: '', width: 220 }, { label: w.now, width: 100 }, { label: w.before, width: 100 }, { label: w.change, width: width - 420 }], [
    [w.received, ...versus(c.feedback.received)],
    [w.answered, ...versus(c.feedback.answered)],
    [w.onTime, ...versus(c.feedback.answeredOnTime)],
    [w.late, formatFigure(c.feedback.late, locale), '', ''],
  ]);

  section(w.figures);
  if (!c.figures.length) none();
  else {
    table([{ label: w.field, width: 95 }, { label: w.indicator, width: width - 385 }, { label: w.period, width: 60 }, { label: w.now, width: 80 }, { label: w.before, width: 80 }, { label: w.change, width: 70 }],
      c.figures.map((f) => [name(f.fieldName), f.breach ? `${name(f.title)} (${w.breach})` : name(f.title), f.period, formatFigure(f.value, locale), formatFigure(f.previous, locale), w.trends[f.trend]]));
  }

  section(w.reports);
  if (!c.reports.late.length) none();
  else {
    table([{ label: w.regime, width: width - 230 }, { label: w.period, width: 70 }, { label: w.due, width: 75 }, { label: w.missing, width: 85 }],
      c.reports.late.map((r) => [name(r.name), r.period, dayMonthYear(r.dueDate), formatFigure(r.late, locale)]));
  }
  return finish((page, count) => `Tỉnh Số · ${title} · ${w.page} ${page}${w.of}${count}`);
}
