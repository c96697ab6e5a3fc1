import { clearAlert, raiseAlert } from '../../core/alerts/index.js';
import { SYSTEM } from '../../core/access/index.js';
import type { Db } from '../../db/database.js';

// A connector's two alerts, one per condition and connector (dedupe keys connector:<id>:failed and :stale): raised
// while the condition holds (a repeat refreshes the open alert), cleared by the next pull that proves it gone.

const SOURCE = 'connectors';
export type ConnectorCondition = 'failed' | 'stale';
const TYPES: Record<ConnectorCondition, string> = { failed: 'CONNECTOR_FAILED', stale: 'CONNECTOR_STALE' };

export async function raiseConnectorAlert(db: Db, connector: { id: number; name_vi: string; name_en: string; url: string }, condition: ConnectorCondition,
  details: { vi: string; en: string }, now: Date): Promise<void> {
  const title = condition === 'failed'
    ? { vi: `Kết nối "${connector.name_vi}" không lấy được dữ liệu`, en: `Connector "${connector.name_en}" failed to pull` }
    : { vi: `Dữ liệu của kết nối "${connector.name_vi}" không thay đổi`, en: `Data of connector "${connector.name_en}" stopped changing` };
  await raiseAlert({
    db, actor: SYSTEM, source: SOURCE, now,
    input: { type: TYPES[condition], title, details, dedupeKey: `connector:${connector.id}:${condition}`, evidence: { connectorId: connector.id, url: connector.url, link: '/admin/connectors' } },
  });
}

export async function clearConnectorAlert(db: Db, id: number, condition: ConnectorCondition, note: string, now: Date): Promise<void> {
  await clearAlert({ db, actor: SYSTEM, source: SOURCE, dedupeKey: `connector:${id}:${condition}`, note, now });
}

export async function clearConnectorAlerts(db: Db, id: number, now: Date, note: string): Promise<void> {
  for (const condition of ['failed', 'stale'] as const) await clearConnectorAlert(db, id, condition, note, now);
}
