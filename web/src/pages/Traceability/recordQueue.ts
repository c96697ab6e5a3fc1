import { useCallback, useState } from 'react';
import { captureEvents, type CaptureProblem, type Lot, type Place } from '../../api/traceability';
import { retryLater, useSendWhenOnline } from '../../offline';
import { readList } from '../Citizen/storage';
import { newClientRef } from '../Citizen/useQueuedReports';
import { EPCIS_CONTEXT, FARM_NAMESPACE, FARM_PREFIX, type StepChoice } from './steps';

// The farmer's records, kept on the phone until sent. Each is an EPCIS 2.0 document made once, when the farmer
// pressed save, and sent as it is on every try. It carries no eventID: the server names the event by its CBV hash,
// which only the event's content decides, so a resend after a lost answer is refused as a `duplicate` of the stored
// event — and the record is then known to be on the server, not stored twice.

export interface QueuedRecord { ref: string; document: Record<string, unknown>; producerId: number; lotLabel: string; stepId: string; savedAt: string }
export interface SentRecord { ref: string; lotLabel: string; stepId: string; state: 'sent' | 'resent' | 'refused'; warnings: CaptureProblem[]; reason?: string }

const KEY = 'tinhso.queuedTraceRecords';
const read = () => readList<QueuedRecord>(KEY);
const write = (list: QueuedRecord[]) => localStorage.setItem(KEY, JSON.stringify(list));

/** Now in Việt Nam as EPCIS writes a time with its offset: 2026-12-04T08:50:12.345+07:00. */
export function vnNow(at = new Date()): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().replace('Z', '+07:00');
}

/** What the farmer typed, as the event's fields: numbers as numbers, empty fields left out. */
export function fieldValues(step: StepChoice, typed: Record<string, string>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of step.fields) {
    const v = (typed[f.name] ?? '').trim();
    if (v !== '') out[f.name] = f.type === 'string' ? v : Number(v);
  }
  return out;
}

/** The EPCIS 2.0 JSON-LD document of one farm or CBV step about a lot, at a place. */
export function recordDocument(options: { step: StepChoice; lot: Lot; place: Place | null; fields: Record<string, string | number>; at?: Date }): Record<string, unknown> {
  const { step, lot, place, fields } = options;
  const at = options.at ?? new Date();
  const quantity = { epcClass: `https://id.gs1.org/01/${lot.gtin}/10/${encodeURIComponent(lot.lot)}`, ...(lot.quantity !== null && lot.uom ? { quantity: lot.quantity, uom: lot.uom } : {}) };
  const event = {
    type: 'ObjectEvent', eventTime: vnNow(at), eventTimeZoneOffset: '+07:00', quantityList: [quantity], action: step.action, bizStep: step.uri,
    ...(step.disposition ? { disposition: step.disposition } : {}),
    ...(place ? { readPoint: { id: place.location }, bizLocation: { id: place.location } } : {}),
    ...fields,
  };
  return {
    '@context': [EPCIS_CONTEXT, { [FARM_PREFIX]: FARM_NAMESPACE }], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: at.toISOString(),
    epcisBody: { eventList: [event] },
  };
}

/**
 * The records saved on the phone, sent when there is a connection, one pass at a time (offline.ts). A refusal that
 * says only `duplicate` means an earlier try was stored and its answer lost: the record counts as sent.
 */
export function useQueuedRecords() {
  const [queued, setQueued] = useState<QueuedRecord[]>(read);
  const [sent, setSent] = useState<SentRecord[]>([]);
  const sendAll = useCallback(async () => {
    for (const item of read()) {
      const done = (s: Omit<SentRecord, 'ref' | 'lotLabel' | 'stepId'>) => setSent((list) => [{ ref: item.ref, lotLabel: item.lotLabel, stepId: item.stepId, ...s }, ...list]);
      try {
        const job = await captureEvents(item.document, item.producerId);
        if (job.success) done({ state: 'sent', warnings: job.warnings });
        else if (job.errors.length > 0 && job.errors.every((e) => e.code === 'duplicate')) done({ state: 'resent', warnings: [] });
        else done({ state: 'refused', warnings: [], reason: job.errors.map((e) => e.message).join('; ') });
      } catch (err) {
        if (retryLater(err)) return;
        done({ state: 'refused', warnings: [], reason: (err as Error).message });
      }
      write(read().filter((x) => x.ref !== item.ref));
      setQueued(read());
    }
  }, []);
  const flush = useSendWhenOnline(KEY, sendAll);
  const queue = (item: Omit<QueuedRecord, 'ref' | 'savedAt'>) => {
    write([...read(), { ...item, ref: newClientRef(), savedAt: new Date().toISOString() }]);
    setQueued(read());
    if (navigator.onLine) void flush();
  };
  return { queued, sent, queue, flush };
}
