import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { sendReport, type ReportBody, type Sent } from '../../api/feedback-public';
import { QUEUED, readList, remember } from './storage';

/**
 * Reports written without a connection wait on the device (text only: photos need the connection) and are sent
 * when it returns; each is sent once, and its code is remembered as the citizen's own.
 */
export function useQueuedReports(onSent: (sent: Sent) => void) {
  const [queued, setQueued] = useState(() => readList<ReportBody>(QUEUED).length);
  const flush = useCallback(async () => {
    const pending = readList<ReportBody>(QUEUED);
    for (const body of pending) {
      try {
        const sent = await sendReport(body);
        remember(sent.trackingCode);
        onSent(sent);
      } catch (err) {
        if (!(err instanceof ApiError)) return; // still offline: keep the rest for later
      }
      localStorage.setItem(QUEUED, JSON.stringify(readList<ReportBody>(QUEUED).slice(1)));
      setQueued(readList<ReportBody>(QUEUED).length);
    }
  }, [onSent]);
  useEffect(() => {
    window.addEventListener('online', flush);
    if (navigator.onLine) void flush();
    return () => window.removeEventListener('online', flush);
  }, [flush]);
  const queue = (body: ReportBody) => {
    localStorage.setItem(QUEUED, JSON.stringify([...readList<ReportBody>(QUEUED), body]));
    setQueued(readList<ReportBody>(QUEUED).length);
  };
  return { queued, queue };
}
