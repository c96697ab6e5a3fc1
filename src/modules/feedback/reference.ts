import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { seedCaseKind } from '../../core/cases/index.js';
import { referenceFile } from '../../server/paths.js';

const FILE = referenceFile('feedback', 'categories.json');
const ZFile = z.object({
  kind: z.string(),
  forwardWithinWorkingDays: z.number().int().positive(),
  legalBasis: z.string(),
  categories: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), days: z.number().int().positive(), anonymous: z.boolean(), photosPublic: z.boolean().default(false) })),
});

/** Loads the feedback categories and the default routing rule (to the commune of the place) when there are none. */
export async function loadFeedbackReference(db: Db): Promise<boolean> {
  const file = ZFile.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
  return seedCaseKind({
    db, kind: file.kind,
    categories: file.categories.map((c, sort) => ({
      code: c.code, name_vi: c.nameVi, name_en: c.nameEn, deadline_working_days: c.days,
      forward_within_working_days: file.forwardWithinWorkingDays, legal_basis: file.legalBasis, allow_anonymous: c.anonymous, photos_public: c.photosPublic, sort,
    })),
    rules: [{ category_code: null, target: 'place', position: 1000, note: 'Mặc định: đơn vị cấp xã nơi xảy ra sự việc' }],
  });
}
