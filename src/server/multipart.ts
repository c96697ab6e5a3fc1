import type { FastifyRequest } from 'fastify';
import { PHOTO_LIMITS, type UploadedFile } from '../core/cases/index.js';
import { logClientError } from './client-log.js';
import type { z } from 'zod';
import type { ErrorCode } from './error-codes/index.js';
import { AppError } from './errors.js';
import { forbiddenTextAt } from './text-guard.js';

/** The limits of every multipart form: a few photos and some text fields. */
export const MULTIPART_LIMITS = { fileSize: PHOTO_LIMITS.maxBytes, files: PHOTO_LIMITS.maxFiles, fields: 40, fieldSize: 64 * 1024, parts: 50 };

/**
 * Reads a multipart form whole: its text fields, and the files of the named fields (others are refused). The
 * plugin's limit errors become the platform's localised errors, naming photos or documents as the caller says.
 */
export async function readMultipart(request: FastifyRequest, fileFields: string[], filesAre: 'photos' | 'documents' = 'photos'): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (!fileFields.includes(part.fieldname)) throw new AppError('unexpected_file_field', { name: part.fieldname }, part.fieldname);
        files.push({ filename: part.filename, data: await part.toBuffer() });
      } else {
        const value = String(part.value);
        // The text guard sees parsed bodies only; a form's fields are read here.
        if (forbiddenTextAt({ [part.fieldname]: value })) throw new AppError('invalid_characters', { field: part.fieldname }, part.fieldname);
        fields[part.fieldname] = value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    const limit = `${MULTIPART_LIMITS.fileSize / 1024 / 1024} MB`;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw filesAre === 'photos' ? new AppError('photo_too_large', { limit }, fileFields[0]) : new AppError('file_too_large', { name: fileFields[0] ?? '', limit }, fileFields[0]);
    }
    if (code === 'FST_FILES_LIMIT') throw new AppError('too_many_photos', { max: PHOTO_LIMITS.maxFiles }, fileFields[0]);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('too_many_fields');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('unsupported_media_type');
    if (err instanceof AppError) throw err;
    // Anything else the form parser stops on is a body that is not a well-formed form (truncated, no boundary, a
    // malformed part header): the caller's mistake, not the server's.
    logClientError(request.log, { err: (err as Error).message }, 'malformed multipart body');
    throw new AppError('malformed_multipart');
  }
  return { fields, files };
}

/**
 * A request that is JSON, or a multipart form carrying the same JSON in one text field beside its files (a report and
 * its photos, an alert and its image): the JSON checked by the schema either way, the files as sent.
 */
export async function readJsonWithFiles<S extends z.ZodType>(
  request: FastifyRequest,
  options: { schema: S; jsonField: string; fileField: string; notJson: ErrorCode },
): Promise<{ input: z.infer<S>; files: UploadedFile[] }> {
  const { schema, jsonField, fileField, notJson } = options;
  if (!request.isMultipart()) return { input: schema.parse(request.body ?? {}), files: [] };
  const { fields, files } = await readMultipart(request, [fileField]);
  let body: unknown;
  try {
    body = JSON.parse(fields[jsonField] ?? '');
  } catch {
    throw new AppError(notJson, {}, jsonField);
  }
  return { input: schema.parse(body), files };
}
