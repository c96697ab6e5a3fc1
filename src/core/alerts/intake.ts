import type { FastifyRequest } from 'fastify';
import { AppError } from '../../server/errors.js';
import { readMultipart } from '../../server/multipart.js';
import { processPhotos, type ProcessedPhoto } from '../cases/index.js';
import { ZRaiseAlert, type RaiseAlertInput } from './schema.js';

/**
 * An alert as another system sends it: JSON, or multipart/form-data with the alert as JSON in the field `alert` and
 * one photo in `image`, checked and re-encoded as citizens' photos are (never stored as sent).
 */
export async function readAlertRequest(request: FastifyRequest): Promise<{ input: RaiseAlertInput; image: ProcessedPhoto | null }> {
  if (!request.isMultipart()) return { input: ZRaiseAlert.parse(request.body ?? {}), image: null };
  const { fields, files } = await readMultipart(request, ['image'], 'photos');
  if (files.length > 1) throw new AppError('alert_image_single', {}, 'image');
  let body: unknown;
  try {
    body = JSON.parse(fields.alert ?? '');
  } catch {
    throw new AppError('alert_json_required', {}, 'alert');
  }
  const input = ZRaiseAlert.parse(body);
  const [image] = await processPhotos(files, 'image');
  return { input, image: image ?? null };
}
