import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { referenceFile } from '../../../server/paths.js';
import { seedPanels } from './repo.js';
import { ZPanelInput } from './schema.js';

const ZFile = z.object({
  panels: z.array(ZPanelInput.omit({ fieldCode: true }).extend({ key: z.string(), field: z.string() })),
});

/** Adds the shipped panels (data/reference/ioc/panels.json) whose key the database never saw; edits stay. */
export async function loadIocPanels(db: Db): Promise<number> {
  const { panels } = ZFile.parse(JSON.parse(fs.readFileSync(referenceFile('ioc', 'panels.json'), 'utf8')));
  const now = new Date();
  return seedPanels(db, panels.map((p) => ({
    ref_key: p.key, field_code: p.field, kind: p.kind, target_kind: p.targetKind, target_code: p.targetCode, unit_level: p.unitLevel,
    period_type: p.periodType, options: JSON.stringify(p.options), position: p.position, title_vi: p.titleVi, title_en: p.titleEn,
    created_by: 'system', updated_at: now,
  })));
}
