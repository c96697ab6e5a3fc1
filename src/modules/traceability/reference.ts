import fs from 'node:fs';
import { z } from 'zod';
import { referenceFile } from '../../server/paths.js';

// The catalogue's reference lists (data/reference/traceability/catalogue.json): product categories, OCOP groups and
// certification schemes, each named in both languages.

const ZNamed = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });
const ZCatalogue = z.object({
  description: z.string(),
  categories: z.array(ZNamed),
  ocopGroups: z.array(ZNamed),
  ocopValidityMonths: z.number().int().positive(),
  certificationSchemes: z.array(ZNamed),
});
export type Catalogue = z.infer<typeof ZCatalogue>;

let data: Catalogue | undefined;
export const catalogue = (): Catalogue => (data ??= ZCatalogue.parse(JSON.parse(fs.readFileSync(referenceFile('traceability', 'catalogue.json'), 'utf8'))));
