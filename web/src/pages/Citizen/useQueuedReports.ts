import { useCallback, useState } from 'react';
import { retryLater, useSendWhenOnline } from '../../offline';
import { sendReport, type ReportBody, type Sent } from '../../api/feedback-public';
import { QUEUED, readList, remember } from './storage';

/** A report waiting on the device, with the id made when the citizen pressed send (kept across every retry). */
export interface QueuedReport extends ReportBody { clientRef: string }

/**
 * A UUID v4 for a report. crypto.randomUUID exists only in secure contexts (https, localhost); a phone opening the
 * app over plain http on the local network still has getRandomValues.
 */
export function newClientRef(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The queue as stored; a report queued by an older version of the app gets its id now, once, and keeps it. */
function readQueue(): QueuedReport[] {
  const list = readList<ReportBody>(QUEUED);
  if (list.every((r) => typeof r.clientRef === 'string')) return list as QueuedReport[];
  const fixed = list.map((r) => (typeof r.clientRef === 'string' ? r : { ...r, clientRef: newClientRef() })) as QueuedReport[];
  localStorage.setItem(QUEUED, JSON.stringify(fixed));
  return fixed;
}
const drop = (clientRef: string) => localStorage.setItem(QUEUED, JSON.stringify(readQueue().filter((r) => r.clientRef !== clientRef)));


/**
 * Reports written without a connection wait on the device (text only: photos need the connection) and are sent
 * when it returns. One sending pass at a time (two "online" events at once, or a pass still running when the
 * connection returns, wait for it and then look again), across tabs where the browser has Web Locks; each report
 * carries its clientRef, so even a report sent twice (an answer lost on the way back) makes one case, and the
 * answer names it. Each sent report's code is remembered as the citizen's own.
 */
export function useQueuedReports(onSent: (sent: Sent) => void) {
  const [queued, setQueued] = useState(() => readQueue().length);
  const sendAll = useCallback(async () => {
    for (const report of readQueue()) {
      try {
        const sent = await sendReport(report);
        remember(sent.trackingCode);
        onSent(sent);
      } catch (err) {
        if (retryLater(err)) return; // keep this one and the rest for later
      }
      drop(report.clientRef);
      setQueued(readQueue().length);
    }
  }, [onSent]);
  useSendWhenOnline(QUEUED, sendAll);
  const queue = (report: QueuedReport) => {
    localStorage.setItem(QUEUED, JSON.stringify([...readQueue().filter((r) => r.clientRef !== report.clientRef), report]));
    setQueued(readQueue().length);
  };
  return { queued, queue };
}
