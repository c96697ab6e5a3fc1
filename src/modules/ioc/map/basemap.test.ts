import fs from 'node:fs';
import path from 'node:path';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { loadConfig, type Config } from '../../../server/config.js';
import { SOC_TRANG_BOUNDS, tempDir, writePmtiles } from '../../../../test/basemap-fixture.js';
import { createTestApp, nextLoopback, type Session, type TestApp } from '../../../../test/helpers.js';

const FILE_URL = '/api/ioc/map/basemap/file';
const ATTRIBUTION = '© Người đóng góp OpenStreetMap';
let t: TestApp;
let leader: Session;
let dir: string;
let fixture: Awaited<ReturnType<typeof writePmtiles>>;
let pmtilesBasemap: Config['basemap'];

beforeAll(async () => {
  dir = tempDir();
  fixture = await writePmtiles(path.join(dir, 'nen.pmtiles'), { bounds: SOC_TRANG_BOUNDS, minZoom: 0, maxZoom: 9 });
  pmtilesBasemap = loadConfig({ BASEMAP_PMTILES: fixture.file, BASEMAP_ATTRIBUTION: ATTRIBUTION }).basemap;
  t = await createTestApp({ config: { basemap: pmtilesBasemap } });
  leader = await t.login('lanhdao');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/ioc/map/basemap', () => {
  it('refuses an anonymous caller, and tells a reader or a wall screen which basemap is configured', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/ioc/map/basemap' })).statusCode).toBe(401);
    const res = await leader.request({ method: 'GET', url: '/api/ioc/map/basemap' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ basemap: { kind: 'pmtiles', url: FILE_URL, attribution: ATTRIBUTION, minZoom: 0, maxZoom: 9 } });
    const wall = await wallToken();
    expect((await t.app.inject({ method: 'GET', url: '/api/ioc/map/basemap', headers: { authorization: `Bearer ${wall}` } })).json().basemap.kind).toBe('pmtiles');
  });

  it('answers an XYZ template as it is, or none; the page may then load images from the template\'s server only', async () => {
    const xyz = loadConfig({ BASEMAP_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png', BASEMAP_ATTRIBUTION: ATTRIBUTION }).basemap;
    const app = await buildApp({ ...t.ctx, config: { ...t.config, basemap: xyz } }, { web: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/ioc/map/basemap', headers: { cookie: leader.cookie } });
      expect(res.json()).toEqual({ basemap: { kind: 'xyz', url: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: ATTRIBUTION, minZoom: 0, maxZoom: 19 } });
      expect(String(res.headers['content-security-policy'])).toMatch(/img-src 'self' data: blob: http:\/\/127\.0\.0\.1:9;/);
      const file = await app.inject({ method: 'GET', url: FILE_URL, headers: { cookie: leader.cookie } });
      expect(file.statusCode).toBe(404);
      expect(file.json().error.code).toBe('basemap_not_configured');
    } finally {
      await app.close();
    }
    const none = await buildApp({ ...t.ctx, config: { ...t.config, basemap: null } }, { web: false });
    try {
      expect((await none.inject({ method: 'GET', url: '/api/ioc/map/basemap', headers: { cookie: leader.cookie } })).json()).toEqual({ basemap: null });
      expect(String((await none.inject({ method: 'GET', url: '/api/ioc/map/basemap' })).headers['content-security-policy'])).toMatch(/img-src 'self' data: blob:;/);
    } finally {
      await none.close();
    }
  });
});

describe('GET /api/ioc/map/basemap/file', () => {
  const bytes = fs.readFileSync.bind(fs);
  const get = (headers: Record<string, string> = {}) => leader.request({ method: 'GET', url: FILE_URL, headers });

  it('refuses an anonymous caller; serves the whole file, one byte range of it, and 304 for a current copy', async () => {
    expect((await t.app.inject({ method: 'GET', url: FILE_URL, headers: { range: 'bytes=0-126' } })).statusCode).toBe(401);
    const whole = bytes(fixture.file);
    const all = await get();
    expect(all.statusCode).toBe(200);
    expect(all.rawPayload.equals(whole)).toBe(true);
    expect(all.headers).toMatchObject({ 'accept-ranges': 'bytes', 'content-type': 'application/vnd.pmtiles', 'cache-control': 'private, max-age=3600', 'content-length': String(whole.length) });
    const etag = String(all.headers.etag);
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);

    const head = await get({ range: 'bytes=0-126' });
    expect(head.statusCode).toBe(206);
    expect(head.headers['content-range']).toBe(`bytes 0-126/${whole.length}`);
    expect(head.rawPayload.equals(whole.subarray(0, 127))).toBe(true);
    const tail = await get({ range: 'bytes=-10' });
    expect([tail.statusCode, tail.headers['content-range']]).toEqual([206, `bytes ${whole.length - 10}-${whole.length - 1}/${whole.length}`]);
    expect(tail.rawPayload.equals(whole.subarray(-10))).toBe(true);
    const past = await get({ range: `bytes=100-${whole.length + 500}` });
    expect([past.statusCode, past.rawPayload.length]).toEqual([206, whole.length - 100]);
    // Several ranges are answered whole, as a server may; so is a range under an If-Range the file no longer matches.
    expect((await get({ range: 'bytes=0-1,5-6' })).statusCode).toBe(200);
    expect((await get({ range: 'bytes=0-1', 'if-range': '"old"' })).statusCode).toBe(200);
    expect((await get({ range: 'bytes=0-1', 'if-range': etag })).statusCode).toBe(206);
    const fresh = await get({ 'if-none-match': etag });
    expect([fresh.statusCode, fresh.body]).toEqual([304, '']);
    const headOnly = await leader.request({ method: 'HEAD', url: FILE_URL, headers: { range: 'bytes=0-9' } });
    expect([headOnly.statusCode, headOnly.headers['content-length'], headOnly.body]).toEqual([206, '10', '']);
  });

  it('answers 416 with the file size for a range it cannot meet', async () => {
    const size = bytes(fixture.file).length;
    for (const range of [`bytes=${size}-`, `bytes=${size + 5}-${size + 9}`, 'bytes=9-3', 'bytes=-0', 'bytes=-', 'lines=0-4', 'bytes=abc']) {
      const res = await get({ range });
      expect(res.statusCode, range).toBe(416);
      expect(res.headers['content-range'], range).toBe(`bytes */${size}`);
      expect(res.json().error, range).toMatchObject({ code: 'range_not_satisfiable', messages: { vi: `Khoảng byte yêu cầu nằm ngoài tệp (${size} byte).` } });
    }
  });

  it("is read by the pmtiles library through its range requests, by a person's session or a wall screen's token", async () => {
    const wall = await wallToken();
    for (const headers of [{ cookie: leader.cookie }, { authorization: `Bearer ${wall}` }]) {
      const source: Source = {
        getKey: () => FILE_URL,
        async getBytes(offset, length): Promise<RangeResponse> {
          const res = await t.app.inject({ method: 'GET', url: FILE_URL, headers: { ...headers, range: `bytes=${offset}-${offset + length - 1}` } });
          expect(res.statusCode).toBe(206);
          return { data: new Uint8Array(res.rawPayload).buffer, etag: String(res.headers.etag) };
        },
      };
      const archive = new PMTiles(source);
      expect((await archive.getHeader()).maxZoom).toBe(9);
      // Sóc Trăng city at zoom 9: x 406, y 241.
      const tile = await archive.getZxy(9, 406, 241);
      expect(Buffer.from(tile!.data).equals(fixture.png)).toBe(true);
      expect(await archive.getZxy(9, 0, 0)).toBeUndefined();
    }
  });
});

async function wallToken(): Promise<string> {
  const admin = await t.login('admin');
  const res = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Màn hình tường', scopes: ['wall'] }, remoteAddress: nextLoopback() });
  return res.json().token as string;
}
