import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { referenceFile } from '../../server/paths.js';
import { seedFields, seedTypes } from './repo.js';
import { SEVERITIES } from './schema.js';

const ZFields = z.object({ fields: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })) });
const ZTypes = z.object({
  types: z.array(z.object({
    code: z.string(), platform: z.boolean().optional(), field: z.string(), severity: z.enum(SEVERITIES), ackLimitMinutes: z.number().int().positive().nullable(),
    nameVi: z.string(), nameEn: z.string(), checklist: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string() })),
  })),
});

const read = <T>(schema: z.ZodType<T>, name: string): T => schema.parse(JSON.parse(fs.readFileSync(referenceFile('alerts', name), 'utf8')));

/**
 * Adds the fields and alert types of the reference files that the database lacks; edited ones keep their edits, and a
 * retired type stays retired. A shipped type is never removed, so a reload has nothing to bring back.
 */
export async function loadAlertReference(db: Db): Promise<void> {
  const { fields } = read(ZFields, 'fields.json');
  const { types } = read(ZTypes, 'types.json');
  await seedFields(db, fields.map((f, sort) => ({ code: f.code, name_vi: f.nameVi, name_en: f.nameEn, sort })));
  await seedTypes(db, types.map((t, sort) => ({
    code: t.code, field_code: t.field, name_vi: t.nameVi, name_en: t.nameEn, default_severity: t.severity,
    ack_limit_minutes: t.ackLimitMinutes, checklist: JSON.stringify(t.checklist), sort, origin: t.platform ? 'platform' as const : 'reference' as const,
  })));
}
