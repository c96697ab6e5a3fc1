import type { Db } from '../../db/database.js';
import type { Severity } from '../../db/schema.js';
import { activeWebhooks, emailRows, insertNotifications, officersOf, userRows, webhookRows, type Notice, type OutboxRow } from '../notify/index.js';
import { activeUsersWithRoles } from '../users/index.js';
import { SEVERITY_WORDS } from './wording.js';

export type AlertNoticeEvent = 'raised' | 'escalated' | 'assigned';

interface Facts { id: number; severity: Severity; title_vi: string; title_en: string; unitName: string | null }

const SUBJECT: Record<AlertNoticeEvent, { vi: string; en: string }> = {
  raised: { vi: 'Cảnh báo mới', en: 'New alert' },
  escalated: { vi: 'Cảnh báo chưa được tiếp nhận, chuyển lên', en: 'Alert not acknowledged, escalated' },
  assigned: { vi: 'Cảnh báo được giao xử lý', en: 'Alert assigned' },
};

/** E-mail, besides the in-app message, for what cannot wait for someone to open the application. */
const BY_EMAIL: Severity[] = ['critical', 'major'];

/**
 * Tells the units concerned (their officers, in the app, and by e-mail when it is urgent), the leaders of a critical
 * alert, and the webhooks subscribed to alert.<event>: in the transaction of the change.
 */
export interface NoticeAudience {
  units: number[];
  /** People named besides the units' officers (the officer an alert is assigned to). */
  users?: number[];
  /** The province's leaders; by default, for a critical alert. */
  leaders?: boolean;
}

export async function queueAlertNotices(db: Db, event: AlertNoticeEvent, alert: Facts, audience: NoticeAudience): Promise<void> {
  const { units, users: extraUserIds = [], leaders: toLeaders = alert.severity === 'critical' } = audience;
  const severity = SEVERITY_WORDS[alert.severity];
  const place = alert.unitName ? ` — ${alert.unitName}` : '';
  const text = {
    vi: `${SUBJECT[event].vi} (${severity.vi}): ${alert.title_vi}${place}`,
    en: `${SUBJECT[event].en} (${severity.en}): ${alert.title_en}${place}`,
  };
  const notice: Notice = { event: `alert.${event}`, subject: text, body: text, payload: { alertId: alert.id, severity: alert.severity, link: `/ioc/alerts/${alert.id}` } };
  const officers = (await Promise.all([...new Set(units)].map((u) => officersOf(db, u)))).flat();
  const leaders = toLeaders ? await activeUsersWithRoles(db, ['leader']) : [];
  const people = [...officers, ...leaders];
  const rows: OutboxRow[] = [...userRows([...people.map((p) => p.id), ...extraUserIds], notice)];
  if (BY_EMAIL.includes(alert.severity)) rows.push(...emailRows(people.map((p) => p.email), notice));
  rows.push(...webhookRows(await activeWebhooks(db), notice));
  await insertNotifications(db, rows);
}

