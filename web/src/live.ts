import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { bearer } from './api/client';

export interface LiveEvent { topic: string; id: string | undefined; data: Record<string, unknown> }
type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
/** Hears every event of the page's stream (a wall's new-alert pop-up); returns the unsubscribe. */
export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Follows /api/live: over fetch rather than EventSource, so that a wall screen can send its token in a header. It
 * reconnects by itself (1 s, doubling to 15 s) with the last id it saw, so the server replays what it missed.
 */
export function connectLive(options: { token?: string; onEvent: Listener; onState?: (connected: boolean) => void }): () => void {
  let lastId: string | undefined;
  let stopped = false;
  let controller: AbortController | undefined;
  void (async () => {
    let delay = 1000;
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream', ...bearer(options.token), ...(lastId ? { 'last-event-id': lastId } : {}) };
        const response = await fetch('/api/live', { headers, credentials: 'same-origin', signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(String(response.status));
        options.onState?.(true);
        delay = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let topic = 'message';
            let id: string | undefined;
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) id = line.slice(4);
              else if (line.startsWith('event: ')) topic = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (id) lastId = id;
            if (!data) continue;
            options.onEvent({ topic, id, data: JSON.parse(data) as Record<string, unknown> });
          }
        }
      } catch {
        // Lost or refused: wait, then try again.
      }
      options.onState?.(false);
      if (!stopped) await sleep(delay);
      delay = Math.min(delay * 2, 15_000);
    }
  })();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** What each topic makes stale: the lists and figures a screen shows (their query keys' first part). */
const STALE: Record<string, string[]> = {
  alert: ['alerts', 'ioc'],
  case: ['feedback', 'ioc'],
  report: ['reporting', 'ioc'],
  notification: ['notifications'],
  value: ['scorecard', 'data-values', 'analytics', 'indicators', 'ioc'],
  reset: ['alerts', 'ioc', 'feedback', 'reporting', 'notifications', 'scorecard', 'data-values'],
};

function refresher(client: QueryClient) {
  const due = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Events coming together refetch once.
  return (event: LiveEvent) => {
    for (const key of STALE[event.topic] ?? []) due.add(key);
    timer ??= setTimeout(() => {
      timer = undefined;
      const keys = [...due];
      due.clear();
      for (const key of keys) void client.invalidateQueries({ queryKey: [key] });
    }, 200);
    for (const listener of listeners) listener(event);
  };
}

/** Keeps every screen of the page fresh from the live stream; says whether the stream is connected. */
export function useLiveUpdates(token?: string): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => connectLive({ token, onEvent: refresher(client), onState: setConnected }), [client, token]);
  return connected;
}
