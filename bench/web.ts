// How soon is a page usable on a slow phone? In Chromium over CDP: slow 4G (1.6 Mbps down, 750 kbps up, 150 ms
// round trip) and a CPU four times slower. For the citizen app's form, the scorecard and the home page, cold (empty
// cache) and warm (the same browser again), the time from navigation until the page can be used, and the compressed
// JavaScript it downloaded by then. Goals (issue 13, point 10): the citizen app usable < 3 s cold, < 1 s warm, with
// < 150 kB of compressed JavaScript; back-office pages < 4 s cold.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { median, quick, report, round, signIn } from './common.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-web.mjs'), '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('the web build failed');

const database = await openDatabase({});
const config = { ...loadConfig({}), demo: true };
await prepareDatabase(database.db, config);
const app = await buildApp({ db: database.db, dbKind: database.kind, config, now: () => new Date() }, { web: true, logger: { level: 'error' } });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const { cookie } = await signIn(base, 'lanhdao', 'tinhso-demo-2026');

const PAGES = {
  citizen: { url: '/cong-dan', signedIn: false },
  scorecard: { url: '/scorecard', signedIn: true },
  home: { url: '/', signedIn: true },
} as const;
type PageName = keyof typeof PAGES;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

/** One visit under the slow profile: milliseconds until usable, and the compressed bytes of JavaScript received by then. */
async function visit(context: BrowserContext, name: PageName): Promise<{ ms: number; jsBytes: number }> {
  const spec = PAGES[name];
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const scripts = new Set<string>();
  let jsBytes = 0;
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (scripts.has(e.requestId)) jsBytes += e.encodedDataLength;
  });
  await page.goto(`${base}${spec.url}`, { waitUntil: 'commit' });
  // When a page counts as usable: what a person needs on it is drawn and filled with data (the citizen's form with
  // its categories, the scorecard's tiles, the home page's counts of work waiting).
  const usable = await page.waitForFunction((which) => {
    const ok = which === 'citizen' ? Boolean(document.querySelector('form select[name=category] option:nth-child(2)'))
      : which === 'scorecard' ? Boolean(document.querySelector('[data-testid^="tile-"]'))
        : /\d/.test(document.querySelector('[data-testid="my-work"] .big')?.textContent ?? '');
    return ok && performance.now();
  }, name, { timeout: 60_000, polling: 50 });
  const result = { ms: Math.round(Number(await usable.jsonValue())), jsBytes };
  await page.close();
  return result;
}

async function measure(name: PageName) {
  const cold: number[] = [];
  const warm: number[] = [];
  const coldBytes: number[] = [];
  const warmBytes: number[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    if (PAGES[name].signedIn) await context.addCookies([{ name: 'tinhso_sid', value: cookie.split('=')[1]!, url: base }]);
    const first = await visit(context, name);
    const again = await visit(context, name);
    cold.push(first.ms);
    coldBytes.push(first.jsBytes);
    warm.push(again.ms);
    warmBytes.push(again.jsBytes);
    await context.close();
  }
  const out = { cold_ms: median(cold), warm_ms: median(warm), js_kb_cold: round(median(coldBytes) / 1000, 1), js_kb_warm: round(median(warmBytes) / 1000, 1) };
  console.log(`${name.padEnd(10)} cold ${out.cold_ms} ms, warm ${out.warm_ms} ms; compressed JavaScript ${out.js_kb_cold} kB cold, ${out.js_kb_warm} kB warm`);
  return out;
}

try {
  console.log('slow 4G (1.6 Mbps, 150 ms), CPU ×4, 390×844; median of', quick ? 1 : 3);
  const figures: Record<string, unknown> = { bench: 'web', runs: quick ? 1 : 3 };
  for (const name of Object.keys(PAGES) as PageName[]) figures[name] = await measure(name);
  report(figures);
} finally {
  await browser.close();
  await app.close();
  await database.close();
}
