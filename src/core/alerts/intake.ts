import type { FastifyRequest } from 'fastify';
import { AppError } from '../../server/errors.js';
import { readJsonWithFiles } from '../../server/multipart.js';
import { processPhotos, type ProcessedPhoto } from '../cases/index.js';
import { ZRaiseAlert, type RaiseAlertInput } from './schema.js';

/**
 * An alert as another system sends it: JSON, or multipart/form-data with the alert as JSON in the field `alert` and
 * one photo in `image`, checked and re-encoded as citizens' photos are (never stored as sent).
 */
export async function readAlertRequest(request: FastifyRequest): Promise<{ input: RaiseAlertInput; image: ProcessedPhoto | null }> {
  const { input, files } = await readJsonWithFiles(request, { schema: ZRaiseAlert, jsonField: 'alert', fileField: 'image', notJson: 'alert_json_required' });
  if (files.length > 1) throw new AppError('alert_image_single', {}, 'image');
  const [image] = await processPhotos(files, 'image');
  return { input, image: image ?? null };
}
