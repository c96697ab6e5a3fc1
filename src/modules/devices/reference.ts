import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { referenceFile } from '../../server/paths.js';
import { seedKinds } from './repo.js';

const ZKinds = z.object({
  kinds: z.array(z.object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/), nameVi: z.string(), nameEn: z.string(), intervalSeconds: z.number().int().positive(),
    keys: z.array(z.object({ key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/), nameVi: z.string(), nameEn: z.string(), unit: z.string() })).min(1),
  })),
});

/** Adds the device kinds of data/reference/devices/kinds.json that the database lacks. */
export async function loadDeviceKinds(db: Db): Promise<void> {
  const { kinds } = ZKinds.parse(JSON.parse(fs.readFileSync(referenceFile('devices', 'kinds.json'), 'utf8')));
  await seedKinds(db, kinds.map((k, sort) => ({ code: k.code, name_vi: k.nameVi, name_en: k.nameEn, keys: JSON.stringify(k.keys), interval_seconds: k.intervalSeconds, sort })));
}
