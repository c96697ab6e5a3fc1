import type { OverlayOptions } from 'sharp';

/** Image libraries are loaded with the first photo, not with the server (sharp alone is tens of megabytes). */
const loadSharp = async () => (await import('sharp')).default;
const loadExifr = async () => (await import('exifr')).default;
import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { insertMedia } from './repo.js';

export const PHOTO_LIMITS = { maxFiles: 5, maxBytes: 10 * 1024 * 1024, maxEdge: 1600 } as const;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export interface ProcessedPhoto {
  contentType: 'image/jpeg';
  width: number;
  height: number;
  data: Buffer;
  /** Where the camera was, read from EXIF before the metadata is dropped. */
  gps: { lat: number; lon: number } | null;
}

/**
 * Checks that a file is a photo by its content (never by its name or declared type), reads its EXIF location, and
 * re-encodes it upright, at most 1600 px on its long edge, as JPEG without any metadata (sharp keeps none unless
 * asked): what is stored is never the citizen's original file.
 */
export async function processPhoto(file: UploadedFile, field = 'photos'): Promise<ProcessedPhoto> {
  const [sharp, exifr] = await Promise.all([loadSharp(), loadExifr()]);
  const invalid = () => new AppError('invalid_photo', { name: file.filename || 'ảnh' }, field);
  if (file.data.length > PHOTO_LIMITS.maxBytes) throw new AppError('photo_too_large', { limit: '10 MB' }, field);
  let format: string | undefined;
  try {
    format = (await sharp(file.data, { limitInputPixels: 60_000_000 }).metadata()).format;
  } catch {
    throw invalid();
  }
  if (!format || !ACCEPTED.has(format)) throw invalid();
  const gps = await exifr.gps(file.data).catch(() => undefined);
  try {
    const { data, info } = await sharp(file.data, { limitInputPixels: 60_000_000, failOn: 'error' })
      .rotate()
      .resize({ width: PHOTO_LIMITS.maxEdge, height: PHOTO_LIMITS.maxEdge, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const located = gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude) ? { lat: gps.latitude, lon: gps.longitude } : null;
    return { contentType: 'image/jpeg', width: info.width, height: info.height, data, gps: located };
  } catch {
    throw invalid();
  }
}

/** Every photo of a request, all checked before anything is stored. */
export async function processPhotos(files: UploadedFile[], field = 'photos'): Promise<ProcessedPhoto[]> {
  if (files.length > PHOTO_LIMITS.maxFiles) throw new AppError('too_many_photos', { max: PHOTO_LIMITS.maxFiles }, field);
  const out: ProcessedPhoto[] = [];
  for (const f of files) out.push(await processPhoto(f, field));
  return out;
}

/** A case's new photos: hidden from the public until an officer reviews them, unless the category shows them on receipt. */
export async function storePhotos(db: Db, caseId: number, photos: ProcessedPhoto[], { shownOnReceipt }: { shownOnReceipt: boolean }): Promise<void> {
  await insertMedia(db, photos.map((p, i) => ({
    case_id: caseId, position: 1 + i, content_type: p.contentType, width: p.width, height: p.height, original: p.data,
    exif_lat: p.gps?.lat ?? null, exif_lon: p.gps?.lon ?? null, hidden: !shownOnReceipt,
  })));
}

/** A rectangle to blur, as fractions of the photo's width and height (so it does not depend on the shown size). */
export interface RedactArea { x: number; y: number; w: number; h: number }

/** The published copy of a photo with each area (a face, a number plate, a house number) blurred beyond recognition. */
export async function redactPhoto(image: Buffer, areas: RedactArea[]): Promise<Buffer> {
  const sharp = await loadSharp();
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const overlays: OverlayOptions[] = [];
  for (const a of areas) {
    const left = Math.max(0, Math.floor(a.x * width));
    const top = Math.max(0, Math.floor(a.y * height));
    const w = Math.min(width - left, Math.ceil(a.w * width));
    const h = Math.min(height - top, Math.ceil(a.h * height));
    if (w < 1 || h < 1) continue;
    // Pixelate (shrink to a few blocks, enlarge without smoothing) then blur: nothing legible survives.
    const blocks = await sharp(image).extract({ left, top, width: w, height: h }).resize(Math.max(1, Math.round(w / 24)), Math.max(1, Math.round(h / 24))).toBuffer();
    const hidden = await sharp(blocks).resize(w, h, { kernel: 'nearest' }).blur(Math.max(10, Math.min(w, h) / 6)).toBuffer();
    overlays.push({ input: hidden, left, top });
  }
  return sharp(image).composite(overlays).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
