import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { loadConfig, type Config } from '../src/server/config.js';
import { SOC_TRANG_BOUNDS, TILE_RGB, solidPng, tempDir, writePmtiles } from './basemap-fixture.js';
import { browserMissing, launchBrowser, logIn } from './browser.js';
import { createTestApp, type TestApp } from './helpers.js';

const MAP_2024 = '/ioc/map?element=WORKFILES_ONLINE_COMMUNE_PCT&period=2023&date=2024-06-30';
const ATTRIBUTION = '© Bản đồ nền thử nghiệm';

/**
 * The IOC map over a basemap in Chromium: tiles from the platform's own PMTiles file (read by byte range) and from an
 * XYZ server of another origin, drawn under the see-through boundaries, with the attribution; a click still drills down.
 */
describe.skipIf(browserMissing)('the IOC map over a basemap, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let dir: string;
  const apps: FastifyInstance[] = [];
  const xyzRequests: string[] = [];
  let xyz: http.Server;

  beforeAll(async () => {
    dir = tempDir();
    const png = await solidPng();
    xyz = http.createServer((req, res) => {
      xyzRequests.push(req.url ?? '');
      res.writeHead(/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '') ? 200 : 404, { 'content-type': 'image/png' }).end(png);
    });
    await new Promise<void>((resolve) => xyz.listen(0, '127.0.0.1', resolve));
    t = await createTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.close();
    await t?.close();
    xyz?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The web app over the one test database, with this basemap. */
  async function webWith(basemap: Config['basemap']): Promise<string> {
    const app = await buildApp({ ...t.ctx, config: { ...t.config, basemap } }, { web: true });
    apps.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  }

  /** Opens the 2024 map of the districts and waits for its tiles; the pixels of the map as drawn. */
  async function openMap(page: Page, base: string, kind: string) {
    await logIn(page, base, 'lanhdao');
    await page.getByRole('link', { name: 'Trung tâm điều hành (IOC)' }).first().waitFor();
    await page.goto(`${base}${MAP_2024}`);
    const map = page.locator(`[data-testid="choropleth"][data-regions="11"][data-basemap="${kind}"]`);
    await map.waitFor();
    await page.locator('[data-testid="basemap-tiles"][data-tiles]').waitFor();
    await expect.poll(() => page.locator('[data-testid="basemap-tiles"] img[data-tile]').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete))).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.getByTestId('basemap-attribution').innerText()).toBe(ATTRIBUTION);
    const { data, info } = await sharp(await map.screenshot()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    return { map, at, width: info.width, height: info.height };
  }

  /** Tiles under the boundaries: the tile's own colour where no unit is, a unit's colour blended with it inside. */
  function expectTilesUnderBoundaries({ at, width, height }: Awaited<ReturnType<typeof openMap>>) {
    const corners = [at(2, 2), at(width - 3, 2), at(2, height - 25), at(width - 3, height - 25)];
    expect(corners.filter((c) => c.every((v, i) => Math.abs(v - TILE_RGB[i]!) < 8)).length, JSON.stringify(corners)).toBeGreaterThanOrEqual(2);
    // Around the middle (in a district): green pulled down and red up by the magenta tile under a blue or grey fill.
    const middle = [-20, -10, 0, 10, 20].flatMap((dx) => [-20, 0, 20].map((dy) => at(Math.round(width / 2) + dx, Math.round(height / 2) + dy)));
    const blended = middle.filter(([r, g]) => r! - g! > 60 && g! > 30);
    expect(blended.length, JSON.stringify(middle)).toBeGreaterThanOrEqual(middle.length / 2);
  }

  /**
   * The tiles sit where Web Mercator puts them: square, and the tile under the middle of the frame (the middle of the
   * districts' extent, where the geo centres them) holds that place at the same point of its image.
   */
  async function expectTilesAligned(page: Page) {
    const host = page.getByTestId('basemap-tiles');
    const z = Number(await host.getAttribute('data-zoom'));
    const collection = await page.evaluate(async () => (await fetch('/api/org-units/boundaries?asOf=2024-06-30&level=district')).json());
    const coords: number[][] = JSON.stringify(collection.features.map((f: { geometry: unknown }) => f.geometry)).match(/-?\d+\.?\d*,-?\d+\.?\d*/g)!.map((p) => p.split(',').map(Number));
    const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180 / Math.PI;
    const [lons, ys] = [coords.map((c) => c[0]!), coords.map((c) => merc(c[1]!))];
    const fx = ((Math.min(...lons) + Math.max(...lons)) / 2 + 180) / 360 * 2 ** z;
    const fy = (180 - (Math.min(...ys) + Math.max(...ys)) / 2) / 360 * 2 ** z;
    const rect = await host.locator(`img[data-tile="${z}/${Math.floor(fx)}/${Math.floor(fy)}"]`)
      .evaluate((img: HTMLElement) => ({ left: img.offsetLeft, top: img.offsetTop, width: img.offsetWidth, height: img.offsetHeight, frameW: img.parentElement!.clientWidth, frameH: img.parentElement!.clientHeight }));
    expect(Math.abs(rect.width - rect.height)).toBeLessThanOrEqual(1);
    expect(Math.abs(rect.left + (fx % 1) * rect.width - rect.frameW / 2)).toBeLessThan(3);
    expect(Math.abs(rect.top + (fy % 1) * rect.height - rect.frameH / 2)).toBeLessThan(3);
  }

  async function clickDrillsDown(page: Page, map: Awaited<ReturnType<typeof openMap>>['map']) {
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('unit-tiles').waitFor();
    expect(new URL(page.url()).searchParams.get('parent')).not.toBeNull();
    expect(await page.getByTestId('unit-tiles').locator('[data-unit-id]').count()).toBeGreaterThan(3);
  }

  it("draws the platform's PMTiles file, read by byte range, under the districts, and drills down on a click", async () => {
    const file = (await writePmtiles(path.join(dir, 'nen.pmtiles'), { bounds: SOC_TRANG_BOUNDS, minZoom: 0, maxZoom: 10 })).file;
    const base = await webWith(loadConfig({ BASEMAP_PMTILES: file, BASEMAP_ATTRIBUTION: ATTRIBUTION }).basemap);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const ranges: { range: string | undefined; status: number }[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/ioc/map/basemap/file')) ranges.push({ range: r.request().headers().range, status: r.status() });
    });
    const drawn = await openMap(page, base, 'pmtiles');
    expect(ranges.length).toBeGreaterThanOrEqual(2);
    expect(ranges.every((r) => r.status === 206 && /^bytes=\d+-\d+$/.test(r.range ?? '')), JSON.stringify(ranges)).toBe(true);
    expect(Number(await page.getByTestId('basemap-tiles').getAttribute('data-zoom'))).toBeGreaterThanOrEqual(7);
    expectTilesUnderBoundaries(drawn);
    await expectTilesAligned(page);
    await clickDrillsDown(page, drawn.map);
    await page.close();
  });

  it('draws the tiles of an XYZ server on another origin (the page may load its images), and drills down on a click', async () => {
    const template = `http://127.0.0.1:${(xyz.address() as { port: number }).port}/{z}/{x}/{y}.png`;
    const base = await webWith(loadConfig({ BASEMAP_URL: template, BASEMAP_MAX_ZOOM: '12', BASEMAP_ATTRIBUTION: ATTRIBUTION }).basemap);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const refused: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
    const drawn = await openMap(page, base, 'xyz');
    const zoom = Number(await page.getByTestId('basemap-tiles').getAttribute('data-zoom'));
    expect(xyzRequests.filter((u) => u.startsWith(`/${zoom}/`)).length).toBeGreaterThanOrEqual(4);
    expect(refused).toEqual([]);
    expectTilesUnderBoundaries(drawn);
    await expectTilesAligned(page);
    // Zooming in (the wheel over the map) lays out the tiles of a closer zoom.
    const box = (await drawn.map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(60);
    }
    await expect.poll(async () => Number(await page.getByTestId('basemap-tiles').getAttribute('data-zoom'))).toBeGreaterThan(zoom);
    await expect.poll(() => xyzRequests.filter((u) => u.startsWith(`/${zoom + 1}/`)).length).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await page.reload();
    await drawn.map.waitFor();
    await clickDrillsDown(page, drawn.map);
    await page.close();
  });
});
