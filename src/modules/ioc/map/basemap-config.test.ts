import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../server/config.js';
import { SOC_TRANG_BOUNDS, tempDir, writePmtiles } from '../../../../test/basemap-fixture.js';

// The basemap's configuration, checked at start-up (its serving: basemap.test.ts).
const ATTRIBUTION = '© Người đóng góp OpenStreetMap';
let dir: string;
let fixture: Awaited<ReturnType<typeof writePmtiles>>;
let pmtilesBasemap: Config['basemap'];

beforeAll(async () => {
  dir = tempDir();
  fixture = await writePmtiles(path.join(dir, 'nen.pmtiles'), { bounds: SOC_TRANG_BOUNDS, minZoom: 0, maxZoom: 9 });
  pmtilesBasemap = loadConfig({ BASEMAP_PMTILES: fixture.file, BASEMAP_ATTRIBUTION: ATTRIBUTION }).basemap;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the basemap configuration', () => {
  const invalid = (env: NodeJS.ProcessEnv) => () => loadConfig(env);

  it('is none by default, and refuses at start-up, in both languages, what it cannot use', async () => {
    expect(loadConfig({}).basemap).toBeNull();
    const notPmtiles = path.join(dir, 'khong-phai.pmtiles');
    fs.writeFileSync(notPmtiles, 'hello');
    const vector = (await writePmtiles(path.join(dir, 'vector.pmtiles'), { bounds: SOC_TRANG_BOUNDS, minZoom: 0, maxZoom: 2, tileType: 1 })).file;
    const a = { BASEMAP_ATTRIBUTION: ATTRIBUTION };
    expect(invalid({ ...a, BASEMAP_PMTILES: path.join(dir, 'missing.pmtiles') })).toThrow(/Cấu hình không hợp lệ \/ invalid configuration: BASEMAP_PMTILES: .*missing\.pmtiles: không đọc được tệp \/ cannot read the file \(ENOENT\)/);
    expect(invalid({ ...a, BASEMAP_PMTILES: notPmtiles })).toThrow(/không phải tệp PMTiles phiên bản 3 \/ not a PMTiles version 3 file/);
    expect(invalid({ ...a, BASEMAP_PMTILES: vector })).toThrow(/ô bản đồ vectơ.*vector tiles/);
    expect(invalid({ ...a, BASEMAP_URL: 'https://tile.example.org/tiles.png' })).toThrow(/BASEMAP_URL: cần mẫu địa chỉ http\(s\) có \{z\}, \{x\} và \{y\} \/ expected/);
    expect(invalid({ ...a, BASEMAP_URL: 'ftp://tile.example.org/{z}/{x}/{y}.png' })).toThrow(/BASEMAP_URL/);
    expect(invalid({ BASEMAP_URL: 'https://tile.example.org/{z}/{x}/{y}.png' })).toThrow(/BASEMAP_ATTRIBUTION: bắt buộc khi có bản đồ nền \/ required with a basemap/);
    expect(invalid({ ...a, BASEMAP_URL: 'https://tile.example.org/{z}/{x}/{y}.png', BASEMAP_PMTILES: fixture.file })).toThrow(/chỉ một bản đồ nền, không cùng BASEMAP_URL \/ one basemap only/);
    expect(invalid({ ...a, BASEMAP_URL: 'https://tile.example.org/{z}/{x}/{y}.png', BASEMAP_MAX_ZOOM: '30' })).toThrow(/BASEMAP_MAX_ZOOM/);
    expect(loadConfig({ ...a, BASEMAP_URL: 'https://tile.example.org/{z}/{x}/{y}.png?key=1', BASEMAP_MAX_ZOOM: '17' }).basemap)
      .toEqual({ kind: 'xyz', template: 'https://tile.example.org/{z}/{x}/{y}.png?key=1', origin: 'https://tile.example.org', attribution: ATTRIBUTION, minZoom: 0, maxZoom: 17 });
    expect(pmtilesBasemap).toMatchObject({ kind: 'pmtiles', tileType: 'png', minZoom: 0, maxZoom: 9 });
  });
});

