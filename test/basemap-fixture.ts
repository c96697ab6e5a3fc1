import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { zxyToTileId } from 'pmtiles';

/** The fixture's one tile colour: magenta, which no colour class of the map uses, so a test can tell the basemap apart. */
export const TILE_RGB = [255, 0, 255] as const;

/** A plain 256 px PNG tile of one colour. */
export const solidPng = (rgb: readonly number[] = TILE_RGB): Promise<Buffer> =>
  sharp({ create: { width: 256, height: 256, channels: 3, background: { r: rgb[0]!, g: rgb[1]!, b: rgb[2]! } } }).png().toBuffer();

const varints = (values: number[]): Buffer => {
  const bytes: number[] = [];
  for (let v of values) {
    while (v >= 0x80) { bytes.push((v % 0x80) | 0x80); v = Math.floor(v / 0x80); }
    bytes.push(v);
  }
  return Buffer.from(bytes);
};

/**
 * A raster PMTiles v3 archive (uncompressed directory, one root directory) where every tile over `bounds` from
 * `minZoom` to `maxZoom` is the same PNG: small enough to write in a test, real enough for the pmtiles reader.
 * `tileType` 1 makes it claim vector tiles, for the start-up check.
 */
export async function writePmtiles(file: string, o: { bounds: [number, number, number, number]; minZoom: number; maxZoom: number; tileType?: number }) {
  const png = await solidPng();
  const [w, s, e, n] = o.bounds;
  const ids: number[] = [];
  const tx = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const ty = (lat: number, z: number) => Math.floor(((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * 2 ** z);
  for (let z = o.minZoom; z <= o.maxZoom; z++) {
    for (let x = tx(w, z); x <= tx(e, z); x++) for (let y = ty(n, z); y <= ty(s, z); y++) ids.push(zxyToTileId(z, x, y));
  }
  ids.sort((a, b) => a - b);
  // Every entry is the one tile at offset 0 (stored as offset + 1, the format's "not contiguous with the last").
  const dir = Buffer.concat([varints([ids.length]), varints(ids.map((id, i) => id - (i ? ids[i - 1]! : 0))),
    varints(ids.map(() => 1)), varints(ids.map(() => png.length)), varints(ids.map(() => 1))]);
  const meta = Buffer.from('{"name":"tinhso-test"}');
  const h = Buffer.alloc(127);
  h.write('PMTiles', 0, 'latin1');
  h[7] = 3;
  const at = { dir: 127, meta: 127 + dir.length, tiles: 127 + dir.length + meta.length };
  const u64 = (offset: number, v: number) => h.writeBigUInt64LE(BigInt(v), offset);
  u64(8, at.dir); u64(16, dir.length); u64(24, at.meta); u64(32, meta.length); u64(40, at.tiles); u64(48, 0);
  u64(56, at.tiles); u64(64, png.length); u64(72, ids.length); u64(80, ids.length); u64(88, 1);
  h[96] = 0; h[97] = 1; h[98] = 1; h[99] = o.tileType ?? 2; h[100] = o.minZoom; h[101] = o.maxZoom;
  [w, s, e, n].forEach((v, i) => h.writeInt32LE(Math.round(v * 1e7), 102 + i * 4));
  h[118] = o.minZoom;
  h.writeInt32LE(Math.round(((w + e) / 2) * 1e7), 119);
  h.writeInt32LE(Math.round(((s + n) / 2) * 1e7), 123);
  fs.writeFileSync(file, Buffer.concat([h, dir, meta, png]));
  return { file, png, tiles: ids.length };
}

/** Around Sóc Trăng, the demo province, with a margin so the whole map frame is covered. */
export const SOC_TRANG_BOUNDS: [number, number, number, number] = [104.5, 8.5, 107.5, 10.8];

export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-basemap-'));
