import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../server/config.js';
import { AppError } from '../../../server/errors.js';

export const BASEMAP_FILE_URL = '/api/ioc/map/basemap/file';

/** What the web needs to draw the configured basemap: its kind, where its tiles are, their attribution and zooms. */
export function basemapView(config: Pick<Config, 'basemap'>) {
  const b = config.basemap;
  if (!b) return { basemap: null };
  return { basemap: { kind: b.kind, url: b.kind === 'xyz' ? b.template : BASEMAP_FILE_URL, attribution: b.attribution, minZoom: b.minZoom, maxZoom: b.maxZoom } };
}

/**
 * The one byte range of a `Range: bytes=…` header within a file of `size` bytes, 'all' when the header is absent or
 * asks for several ranges (which a server may ignore: PMTiles readers ask for one), or null when none can be met.
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'all' | null {
  if (!header) return 'all';
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.includes(',') && header.startsWith('bytes=') ? 'all' : null;
  const [, from, to] = m;
  if (!from && !to) return null;
  if (!from) {
    const suffix = Number(to);
    return suffix > 0 && size > 0 ? { start: Math.max(0, size - suffix), end: size - 1 } : null;
  }
  const start = Number(from);
  const end = to ? Math.min(Number(to), size - 1) : size - 1;
  return start < size && start <= end && Number.isSafeInteger(start) ? { start, end } : null;
}

/**
 * The configured PMTiles file, whole (200) or one byte range of it (206), as readers of the format ask; 416 for a
 * range outside it, 304 when the reader's copy (its ETag) is current. The ETag follows the file's size and time, so
 * a replaced file is fetched afresh; a reader keeps what it has for an hour.
 */
export async function sendBasemapFile(config: Pick<Config, 'basemap'>, request: FastifyRequest, reply: FastifyReply) {
  const b = config.basemap;
  if (b?.kind !== 'pmtiles') throw new AppError('basemap_not_configured', {});
  const stat = await fs.promises.stat(b.file);
  const etag = `"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}"`;
  if (request.headers['if-none-match'] === etag) return reply.status(304).header('etag', etag).send();
  const ifRange = request.headers['if-range'];
  const range = ifRange && ifRange !== etag ? 'all' : byteRange(request.headers.range, stat.size);
  if (range === null) throw new AppError('range_not_satisfiable', { size: stat.size }, undefined, { headers: { 'content-range': `bytes */${stat.size}` } });
  reply.header('etag', etag).header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=3600')
    .header('last-modified', stat.mtime.toUTCString()).type('application/vnd.pmtiles');
  const { start, end } = range === 'all' ? { start: 0, end: stat.size - 1 } : range;
  if (range !== 'all') reply.status(206).header('content-range', `bytes ${start}-${end}/${stat.size}`);
  reply.header('content-length', Math.max(0, end - start + 1));
  if (stat.size === 0) return reply.send();
  return reply.send(fs.createReadStream(b.file, { start, end }));
}
