import zlib from 'node:zlib';

/**
 * Just enough of the ZIP format to read a workbook safely: the central directory is read from the end of the file
 * (its entries, their declared sizes), so a workbook can be judged before anything is inflated, and an entry is
 * inflated as a stream whose every chunk is counted, so a size that lies cannot make it inflate past a limit.
 */
export interface ZipEntry {
  name: string;
  method: number;
  /** What the directory declares; the real size is only known by inflating, and is counted then. */
  size: number;
  compressedSize: number;
  localOffset: number;
}

/** The file is not a ZIP archive that can be read (no directory, cut short, encrypted, an unknown compression). */
export class ZipUnreadable extends Error {}

/** More entries than any workbook has: refused before the directory is read further. */
export class TooManyEntries extends Error {}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U16 = 0xffff;
const U32 = 0xffffffff;

const u64 = (data: Buffer, at: number) => Number(data.readBigUInt64LE(at));

function need(condition: boolean, what: string): asserts condition {
  if (!condition) throw new ZipUnreadable(what);
}

/** Where the central directory lies and how many entries it holds, from the end record (ZIP64 too). */
function directory(data: Buffer): { count: number; offset: number; size: number } {
  need(data.length >= 22, 'too short');
  let at = -1;
  // The end record is the last thing in the file, followed only by a comment of at most 65,535 bytes.
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - U16); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  need(at >= 0, 'no end of central directory');
  let count = data.readUInt16LE(at + 10);
  let size = data.readUInt32LE(at + 12);
  let offset = data.readUInt32LE(at + 16);
  if (count === U16 || size === U32 || offset === U32) {
    const locator = at - 20;
    need(locator >= 0 && data.readUInt32LE(locator) === LOCATOR64, 'no ZIP64 locator');
    const record = u64(data, locator + 8);
    need(record + 56 <= data.length && data.readUInt32LE(record) === EOCD64, 'no ZIP64 end record');
    count = u64(data, record + 32);
    size = u64(data, record + 40);
    offset = u64(data, record + 48);
  }
  need(offset + size <= data.length, 'central directory outside the file');
  return { count, offset, size };
}

/** The ZIP64 extra field holds the sizes and offset that did not fit in 32 bits, in this order, only those. */
function zip64Fields(extra: Buffer, entry: ZipEntry): void {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        need(q + 8 <= p + 4 + length, 'short ZIP64 field');
        const v = u64(extra, q);
        q += 8;
        return v;
      };
      if (entry.size === U32) entry.size = next();
      if (entry.compressedSize === U32) entry.compressedSize = next();
      if (entry.localOffset === U32) entry.localOffset = next();
      return;
    }
    p += 4 + length;
  }
}

/** The entries of a ZIP archive by name, read from its central directory alone. */
export function zipEntries(data: Buffer, maxEntries: number): Map<string, ZipEntry> {
  const dir = directory(data);
  if (dir.count > maxEntries) throw new TooManyEntries();
  const entries = new Map<string, ZipEntry>();
  let p = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    need(p + 46 <= data.length && data.readUInt32LE(p) === CENTRAL, 'bad central directory entry');
    const flags = data.readUInt16LE(p + 8);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    need(p + 46 + nameLength + extraLength <= data.length, 'entry name outside the file');
    const entry: ZipEntry = {
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
      method: data.readUInt16LE(p + 10),
      compressedSize: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
    };
    zip64Fields(data.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    need((flags & 1) === 0, 'encrypted entry');
    entries.set(entry.name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function packed(data: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  need(at + 30 <= data.length && data.readUInt32LE(at) === LOCAL, 'bad local header');
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  need(start + entry.compressedSize <= data.length, 'entry outside the file');
  return data.subarray(start, start + entry.compressedSize);
}

/**
 * The inflated bytes of an entry as they come, each chunk passed to `count` first (which throws to stop): memory
 * holds a chunk at a time, whatever the entry inflates to.
 */
export async function* inflateEntry(data: Buffer, entry: ZipEntry, count: (bytes: number) => void): AsyncGenerator<Buffer> {
  const input = packed(data, entry);
  if (entry.method === 0) {
    count(input.length);
    yield input;
    return;
  }
  need(entry.method === 8, `compression method ${entry.method}`);
  const inflater = zlib.createInflateRaw();
  inflater.end(input);
  try {
    for await (const chunk of inflater) {
      count((chunk as Buffer).length);
      yield chunk as Buffer;
    }
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('Z_')) throw new ZipUnreadable(`corrupt entry ${entry.name}`);
    throw err;
  } finally {
    inflater.destroy();
  }
}
