import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api/client';

// What the apps that work without a connection share (the citizens' reports, the technicians' trap counts): when to
// try again, and one sending pass at a time.

/** Worth trying again later: no connection, or the server is overloaded or down. A refusal (4xx) is final. */
export const retryLater = (err: unknown) => !(err instanceof ApiError) || err.status === 429 || err.status >= 500;

/**
 * Runs `sendAll` when the connection returns and whenever `flush()` is called, one pass at a time: two "online"
 * events at once, or a pass still running when the connection returns, wait for it and then look again; across
 * tabs too where the browser has Web Locks (named `lockKey`). The items sent carry their own clientRef, so a pass
 * repeated after a lost answer stores nothing twice.
 */
export function useSendWhenOnline(lockKey: string, sendAll: () => Promise<void>): () => Promise<void> {
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const flush = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const pass = async () => {
      do {
        again.current = false;
        await (navigator.locks ? navigator.locks.request(lockKey, sendAll) : sendAll());
      } while (again.current);
    };
    running.current = pass().finally(() => {
      running.current = null;
    });
    return running.current;
  }, [lockKey, sendAll]);
  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    if (navigator.onLine) online();
    return () => window.removeEventListener('online', online);
  }, [flush]);
  return flush;
}

/** Whether the browser has a connection now, followed as it comes and goes (the offline forms' banner). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  return online;
}
