import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../core/access/index.js';
import { ZCategoryCombo, ensureCategoryCombo } from '../../core/data/index.js';
import { saveRegime } from './regimes.js';
import { anyRegime } from './repo.js';
import { ZRegime } from './schema.js';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference/reporting/regimes-demo.json');

const ZFile = z.object({
  demo: z.boolean(),
  categoryCombos: z.array(ZCategoryCombo).default([]),
  elements: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), unit: z.string(), valueType: z.enum(['integer', 'number']), aggUnits: z.enum(['sum']), aggTime: z.enum(['sum', 'last']), categoryCombo: z.string().default('default') })),
  regimes: z.array(z.unknown()),
});

/** Loads the demonstration regimes and their data elements on a database that has no regime yet. */
export async function loadDemoRegimes(db: Db, actor: Actor): Promise<number> {
  if (await anyRegime(db)) return 0;
  const file = ZFile.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
  for (const combo of file.categoryCombos) {
    await ensureCategoryCombo({ db, actor, input: combo });
  }
  for (const e of file.elements) {
    if (await db.selectFrom('data_element').select('id').where('code', '=', e.code).executeTakeFirst()) continue;
    const combo = await db.selectFrom('category_combo').select('id').where('code', '=', e.categoryCombo).executeTakeFirstOrThrow();
    await db.insertInto('data_element').values({
      code: e.code, name_vi: e.nameVi, name_en: e.nameEn, value_type: e.valueType, agg_units: e.aggUnits, agg_time: e.aggTime, unit_of_measure: e.unit,
      category_combo_id: combo.id, period_types: JSON.stringify(['month', 'quarter', 'sixmonth', 'year']), source: 'data/reference/reporting/regimes-demo.json',
    }).execute();
  }
  for (const raw of file.regimes) await saveRegime(db, actor, ZRegime.parse(raw), { demo: file.demo, asOf: '2025-07-01' });
  return file.regimes.length;
}
