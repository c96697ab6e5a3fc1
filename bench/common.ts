export const quick = process.argv.includes('--quick');

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The closing line every benchmark prints: one JSON object with its figures. */
export function report(figures: Record<string, unknown>): void {
  console.log(JSON.stringify(figures));
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Asks `url` one request at a time, 20 ms apart, until `until()` says stop: what a balancer's health check or a
 * leader's refreshing screen sees while other work runs. Latencies in milliseconds.
 */
export async function probeWhile(url: string, until: () => boolean, headers: Record<string, string> = {}): Promise<{ p99: number; max: number; n: number; failed: number }> {
  const times: number[] = [];
  let failed = 0;
  while (!until()) {
    const started = performance.now();
    const res = await fetch(url, { headers }).catch(() => null);
    await res?.arrayBuffer();
    times.push(performance.now() - started);
    if (!res?.ok) failed++;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  times.sort((a, b) => a - b);
  return { p99: round(quantile(times, 0.99), 1), max: round(times.at(-1) ?? 0, 1), n: times.length, failed };
}

/** Signs in over HTTP as a browser does; the session cookie to send with each request. */
export async function signIn(base: string, username: string, password: string): Promise<{ cookie: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

/** The baseline: a bare Fastify route answering the same JSON from memory; its address and how to stop it. */
export async function bareJsonServer(path: string, payload: unknown): Promise<{ base: string; close: () => Promise<void> }> {
  const { default: Fastify } = await import('fastify');
  const bare = Fastify();
  bare.get(path, async () => payload);
  const base = await bare.listen({ port: 0, host: '127.0.0.1' });
  return { base, close: () => bare.close() };
}
