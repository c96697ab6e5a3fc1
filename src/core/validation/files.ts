import { z } from 'zod';

/** A file a route answers (a PDF, a workbook, a CSV, a photo): bytes or text, documented as binary in the OpenAPI. */
export const ZFileReply = z.union([z.instanceof(Buffer), z.string()]).meta({ type: 'string', format: 'binary' });
