import http from 'node:http';
import type { AddressInfo } from 'node:net';

// The other system, for tests: a local HTTP server on port 0 whose answer each test sets (a body with an ETag, a
// status, or no answer at all), and which remembers the headers of every request it received.

export interface OtherSystem {
  url: (path?: string) => string;
  /** Answers `body` with an ETag derived from it; a request carrying that ETag gets 304. */
  serve: (body: string, contentType?: string) => void;
  fail: (status: number) => void;
  /** Never answers: the connector's timeout must end the wait. */
  hang: () => void;
  /** Answers `body` only when the returned release is called: a slow system, for as long as a test needs. */
  hold: (body: string) => () => void;
  requests: http.IncomingHttpHeaders[];
  close: () => Promise<void>;
}

export async function startOtherSystem(): Promise<OtherSystem> {
  let mode: { kind: 'body'; body: string; type: string; etag: string } | { kind: 'fail'; status: number } | { kind: 'hang' } | { kind: 'hold'; body: string; released: Promise<void> } = { kind: 'fail', status: 503 };
  let version = 0;
  const requests: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.headers);
    if (mode.kind === 'hang') return;
    if (mode.kind === 'hold') {
      const { body } = mode;
      return void mode.released.then(() => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    }
    if (mode.kind === 'fail') return void res.writeHead(mode.status, { 'content-type': 'text/plain' }).end('lỗi máy chủ');
    if (req.headers['if-none-match'] === mode.etag) return void res.writeHead(304, { etag: mode.etag }).end();
    res.writeHead(200, { 'content-type': mode.type, etag: mode.etag }).end(mode.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/data') => `http://127.0.0.1:${port}${path}`,
    serve: (body, type = 'application/json') => void (mode = { kind: 'body', body, type, etag: `"v${++version}"` }),
    fail: (status) => void (mode = { kind: 'fail', status }),
    hang: () => void (mode = { kind: 'hang' }),
    hold: (body) => {
      let release!: () => void;
      mode = { kind: 'hold', body, released: new Promise<void>((resolve) => (release = resolve)) };
      return release;
    },
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The element the connector tests map: a commune's share of work files done online (monthly, percentage). */
export const SAMPLE_ELEMENT = 'WORKFILES_ONLINE_COMMUNE_PCT';
/** Records as the other system sends them, under data.items. */
export const sampleRecords = (rows: unknown[]) => JSON.stringify({ data: { items: rows } });
/** A connector's configuration against the other system, with what a test changes. */
export const sampleConnector = (url: string, over: Record<string, unknown> = {}) => ({
  nameVi: 'Cổng dịch vụ công tỉnh', nameEn: 'Provincial public-service portal', url, format: 'json', jsonPath: 'data.items',
  headers: { 'X-Api-Key': 'khoa-bi-mat-2026-abcd' }, timeoutSeconds: 1, retries: 1, intervalMinutes: 60,
  mapping: { unitField: 'ma_don_vi', periodField: 'ky', values: [{ field: 'ty_le', element: SAMPLE_ELEMENT }] }, ...over,
});
