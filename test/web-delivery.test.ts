import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/server/app.js';
import { startWebApp } from './browser.js';
import type { TestApp } from './helpers.js';

// Issue 13, point 10: compressed answers, hashed files cached a year, and a citizen app that does not carry the
// back office. Sizes, not times: what a phone has to download.
const built = fs.existsSync(path.join(WEB_DIST, '.vite', 'manifest.json'));
let t: TestApp;
let base: string;
beforeAll(async () => {
  if (built) ({ t, base } = await startWebApp());
});
afterAll(async () => t?.close());

type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };
const manifest = (): Record<string, Chunk> => JSON.parse(fs.readFileSync(path.join(WEB_DIST, '.vite', 'manifest.json'), 'utf8'));

/** The chunks a page loads before it can draw: the entry, the page's chunk, and what they import statically. */
function staticClosure(keys: string[], m: Record<string, Chunk>, seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !m[key]) continue;
    seen.add(key);
    staticClosure(m[key].imports ?? [], m, seen);
  }
  return seen;
}

describe.skipIf(!built)('the web app as a phone receives it', () => {
  it('sends hashed files brotli-compressed and cached a year, and index.html and sw.js revalidated', async () => {
    const html = await fetch(`${base}/cong-dan`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const text = await html.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(text)![1]!;
    // The citizens' page names its own chunk, fetched alongside the entry rather than after it.
    expect(text).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/Citizen-[^"]+\.js">/);
    const js = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-encoding')).toBe('br');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('vary')).toMatch(/accept-encoding/i);
    const gz = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const sw = await fetch(`${base}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const plain = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.arrayBuffer()).byteLength).toBe(fs.statSync(path.join(WEB_DIST, script)).size);
  });

  it('compresses API answers too', async () => {
    const res = await fetch(`${base}/api/public/feedback/places`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Array.isArray(await res.json())).toBe(true);
  });

  it('gives the citizen app under 150 kB of compressed JavaScript to be usable, none of it the back office', () => {
    const m = manifest();
    const citizen = Object.keys(m).find((k) => k.startsWith('src/pages/Citizen/index'))!;
    const chunks = staticClosure(['index.html', citizen], m);
    const files = [...chunks].map((k) => m[k]!.file);
    expect(files.some((f) => /BackOffice|Layout|Scorecard|Chart/.test(f))).toBe(false);
    const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(WEB_DIST, `${f}${fs.existsSync(path.join(WEB_DIST, `${f}.br`)) ? '.br' : ''}`)).size, 0);
    expect(bytes).toBeLessThan(150_000);
    // The service worker keeps, for offline use, every chunk the citizen app may load, the map's included.
    const offline = JSON.parse(fs.readFileSync(path.join(WEB_DIST, 'offline-assets.json'), 'utf8'));
    expect(offline['/cong-dan']).toEqual(expect.arrayContaining(files.map((f) => `/${f}`)));
    expect(offline['/cong-dan'].some((f: string) => f.includes('PointsMapChart'))).toBe(true);
    expect(offline['/cong-dan'].some((f: string) => f.includes('BackOffice'))).toBe(false);
  });
});
