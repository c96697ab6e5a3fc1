import http from 'node:http';

export interface SseFrame { id?: string; event: string; data: Record<string, unknown> }

export interface SseClient {
  status: number;
  frames: SseFrame[];
  /** The first frame (received or to come) matching, or a rejection after timeoutMs. */
  next(match: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  close(): void;
}

/** Opens a text/event-stream with the given headers and parses its frames as they come. */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const frames: SseFrame[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: SseFrame = { event: 'message', data: {} };
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) frame.id = line.slice(4);
            else if (line.startsWith('event: ')) frame.event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (!data && !frame.id) continue;
          frame.data = data ? (JSON.parse(data) as Record<string, unknown>) : {};
          frames.push(frame);
          for (const wake of waiters) wake();
        }
      });
      const client: SseClient = {
        status: response.statusCode ?? 0,
        frames,
        next(match, timeoutMs = 5000) {
          return new Promise((done, fail) => {
            const check = () => {
              const found = frames.find(match);
              if (!found) return false;
              waiters.delete(wake);
              clearTimeout(timer);
              done(found);
              return true;
            };
            const wake = () => void check();
            const timer = setTimeout(() => {
              waiters.delete(wake);
              fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
            }, timeoutMs);
            if (!check()) waiters.add(wake);
          });
        },
        close: () => request.destroy(),
      };
      resolve(client);
    });
    request.on('error', reject);
  });
}
