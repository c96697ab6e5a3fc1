import zlib from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { Refused } from './limits.js';

/**
 * A workbook's ZIP, read with yauzl: its central directory first (entries and their declared sizes, ZIP64 too), so
 * that a workbook is judged before anything is inflated; then an entry at a time, inflated as a stream. yauzl holds
 * each entry to the size its directory declares (`validateEntrySizes`); every chunk is also counted by the caller.
 */
export interface Zip {
  file: ZipFile;
  /** The entries by name; `uncompressedSize` is what the directory declares, which yauzl enforces when inflating. */
  entries: Map<string, Entry>;
}

/** More entries than any workbook has: refused before the directory is read further. */
export class TooManyEntries extends Error {}

/** The entries of a ZIP archive by name, from its central directory alone; throws on what is not a readable ZIP. */
export async function openZip(data: Buffer, maxEntries: number): Promise<Zip> {
  const file = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  if (file.entryCount > maxEntries) throw new TooManyEntries();
  const entries = new Map<string, Entry>();
  for await (const entry of file.eachEntry()) {
    if (entry.isEncrypted()) throw new Error(`encrypted entry ${entry.fileName}`);
    entries.set(entry.fileName, entry);
  }
  return { file, entries };
}

/**
 * The inflated bytes of an entry as they come, each chunk passed to `count` first (which throws a refusal to stop):
 * memory holds a chunk at a time, whatever the entry inflates to. Without `count`, the entry is one already read
 * whole once, which yauzl has held to its declared size.
 */
export async function* inflateEntry(zip: Zip, entry: Entry, count?: (bytes: number) => void): AsyncGenerator<Buffer> {
  const stream = await zip.file.openReadStreamPromise(entry);
  let counted = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      count?.(chunk.length);
      counted += chunk.length;
      yield chunk;
    }
  } catch (err) {
    if (err instanceof Refused || !count || entry.compressionMethod !== 8) throw err;
    // yauzl stopped the entry: corrupt, or inflating to more (or less) than its directory declares. A size that lies
    // is how a zip bomb passes the check of declared sizes, so what it really inflates to is counted, unchecked, to
    // refuse one over the limit as too large rather than as unreadable.
    await countTheRest(zip, entry, counted, count);
    throw err;
  }
}

/** Counts what a deflated entry inflates to beyond the `counted` bytes already counted, whatever its declared size. */
async function countTheRest(zip: Zip, entry: Entry, counted: number, count: (bytes: number) => void): Promise<void> {
  const raw = await zip.file.openReadStreamPromise(entry, { decodeFileData: false });
  const inflater = zlib.createInflateRaw();
  raw.on('error', (err) => inflater.destroy(err)).pipe(inflater);
  let seen = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > counted) count(Math.min(chunk.length, seen - counted));
    }
  } finally {
    raw.unpipe(inflater);
    raw.destroy();
  }
}
