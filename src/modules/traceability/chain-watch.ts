import { syncAlerts, type WantedAlert } from '../../core/alerts/index.js';
import type { Db } from '../../db/database.js';
import { producerIntegrity } from './integrity.js';
import { producerRows } from './repo.js';

// The nightly re-check of every producer's chain: a chain that no longer holds (an event edited, removed or
// re-signed in the database) raises TRACE_CHAIN_BROKEN for the IOC, with the events at fault; the alert clears
// itself only when the chain holds again (a restore from a backup made before the edit).

export const CHAIN_ALERT_SOURCE = 'traceability.chains';

const FAULT_WORDS = {
  hash_id: { vi: 'nội dung bị sửa', en: 'content edited' },
  link: { vi: 'mắt xích bị sửa', en: 'link edited' },
  prev: { vi: 'mất nối với sự kiện trước', en: 'no longer joined to the event before' },
  seq: { vi: 'sai thứ tự', en: 'out of sequence' },
} as const;

export async function watchChains(db: Db, now: Date): Promise<{ checked: number; broken: number; raised: number; cleared: number }> {
  const wanted = new Map<string, WantedAlert>();
  let checked = 0;
  for (let offset = 0; ; offset += 200) {
    const { rows } = await producerRows(db, { unitIds: null, limit: 200, offset });
    for (const p of rows.filter((r) => Number(r.chain_seq) > 0)) {
      checked++;
      const report = await producerIntegrity(db, Number(p.id));
      if (report.intact) continue;
      const first = report.faults[0];
      const badCheckpoints = report.checkpoints.filter((c) => !c.valid || !c.matches).map((c) => c.seq);
      const what = first
        ? { vi: `sự kiện #${first.seq}: ${FAULT_WORDS[first.fault].vi}`, en: `event #${first.seq}: ${FAULT_WORDS[first.fault].en}` }
        : { vi: `điểm kiểm tra đã ký #${badCheckpoints[0] ?? '?'} không còn khớp`, en: `signed checkpoint #${badCheckpoints[0] ?? '?'} no longer matches` };
      wanted.set(`chain:${p.id}`, {
        type: 'TRACE_CHAIN_BROKEN',
        title: { vi: `Dữ liệu truy xuất của ${p.name} bị sửa: ${what.vi}`.slice(0, 200), en: `Traceability records of ${p.name} altered: ${what.en}`.slice(0, 200) },
        details: {
          vi: `${report.faults.length} lỗi ở ${new Set(report.faults.map((f) => f.seq)).size} sự kiện; ${badCheckpoints.length} điểm kiểm tra không khớp.`,
          en: `${report.faults.length} faults in ${new Set(report.faults.map((f) => f.seq)).size} events; ${badCheckpoints.length} checkpoints do not match.`,
        },
        unitId: Number(p.unit_id),
        evidence: { producerId: Number(p.id), faults: report.faults.slice(0, 20), checkpoints: badCheckpoints.slice(0, 20), headMatches: report.headMatches },
      });
    }
    if (rows.length < 200) break;
  }
  const synced = await syncAlerts({ db, source: CHAIN_ALERT_SOURCE, keyPrefix: 'chain:', wanted, clearNote: 'Chuỗi dữ liệu đã nguyên vẹn trở lại / the chain holds again', now });
  return { checked, broken: wanted.size, ...synced };
}
