import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { UnitEventKind } from '../../db/schema.js';
import { ZFeatureCollection } from './geojson.js';
import { referenceFile } from '../../server/paths.js';

export const REFERENCE_DIR = referenceFile('admin');

const ZUnit2024 = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  type: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  parentCode: z.string().nullable(),
  osmRelationIds: z.array(z.number()).default([]),
});
const ZPredecessor = z.object({ code: z.string(), share: z.enum(['full', 'partial']) });
const ZCanTho = z.object({
  effectiveDate: z.string(),
  province: z.object({ code: z.string(), name: z.string(), type: z.string(), legalBasis: z.string() }),
  units: z.array(z.object({ code: z.string(), name: z.string(), type: z.string(), level: z.literal('commune'), fromSocTrang: z.boolean() })),
  fromSocTrang: z.array(
    z.object({
      code: z.string(),
      unchanged: z.boolean(),
      mergedFrom: z.array(ZPredecessor),
      legalBasis: z.object({ resolution: z.string(), date: z.string(), article: z.number(), clause: z.number(), text: z.string() }),
    }),
  ),
});
const ZDepartments = z.object({
  source: z.string(),
  validTo: z.string(),
  parentCode: z.string(),
  units: z.array(z.object({ code: z.string(), name: z.string(), shortName: z.string(), type: z.string() })),
});
const ZReorganisations = z.object({
  socTrang2024: z.object({
    units2024ValidTo: z.string(),
    earlierUnits: z.array(ZUnit2024.omit({ osmRelationIds: true }).extend({ validTo: z.string() })),
    events: z.array(
      z.object({ date: z.string(), kind: z.enum(['merge', 'split', 'rename']), predecessors: z.array(z.string()), successors: z.array(z.string()), legalBasis: z.string(), note: z.string() }),
    ),
  }),
  reorganisation2025: z.object({
    date: z.string(),
    province: z.object({ legalBasis: z.string(), note: z.string() }),
    districts: z.object({ legalBasis: z.string(), note: z.string() }),
  }),
});

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8')));
}



/**
 * Loads Sóc Trăng's administrative units, departments, reorganisations and district boundaries from the versioned
 * files in data/reference/admin, in one transaction. Does nothing when units exist already.
 */
export async function loadReferenceData(db: Db): Promise<{ loaded: boolean; units: number; events: number }> {
  const units2024 = readJson('soc-trang-units-2024.json', z.array(ZUnit2024));
  const canTho = readJson('can-tho-2025.json', ZCanTho);
  const departments = readJson('soc-trang-departments-2024.json', ZDepartments);
  const reorg = readJson('reorganisations.json', ZReorganisations);
  const districts = readJson('soc-trang-districts-open.geojson', ZFeatureCollection);

  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return { loaded: false, units: 0, events: 0 };

    const source2024 = 'data/reference/admin/soc-trang-units-2024.json (GSO via dvhcvn)';
    const end2024 = reorg.socTrang2024.units2024ValidTo;
    // Key: code@validFrom, because the same code names different units over time.
    const ids = new Map<string, number>();
    const key = (code: string, from: string | null) => `${code}@${from ?? ''}`;
    const insertUnit = async (u: {
      code: string; name: string; shortName: string | null; type: string; level: 'province' | 'district' | 'commune' | 'department';
      parentId: number | null; validFrom: string | null; validTo: string | null; osm?: number[]; source: string;
    }) => {
      const row = await trx
        .insertInto('org_unit')
        .values({
          code: u.code, name: u.name, short_name: u.shortName, type: u.type, level: u.level, parent_id: u.parentId,
          valid_from: u.validFrom, valid_to: u.validTo, osm_relation_ids: JSON.stringify(u.osm ?? []), source: u.source,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(key(u.code, u.validFrom), row.id);
      return row.id;
    };

    const merged2024 = new Set(reorg.socTrang2024.events.flatMap((e) => e.successors));
    const event2024Date = reorg.socTrang2024.events[0]?.date ?? null;
    const fromOf = (code: string) => (merged2024.has(code) ? event2024Date : null);
    for (const level of ['province', 'district', 'commune'] as const) {
      for (const u of units2024.filter((x) => x.level === level)) {
        const parentId = u.parentCode ? ids.get(key(u.parentCode, fromOf(u.parentCode)))! : null;
        await insertUnit({ ...u, parentId, validFrom: fromOf(u.code), validTo: end2024, osm: u.osmRelationIds, source: source2024 });
      }
    }
    for (const u of reorg.socTrang2024.earlierUnits) {
      await insertUnit({ ...u, parentId: ids.get(key(u.parentCode!, null))!, validFrom: null, validTo: u.validTo, source: 'data/reference/admin/reorganisations.json' });
    }
    const province94 = ids.get(key(departments.parentCode, null))!;
    for (const d of departments.units) {
      await insertUnit({ ...d, level: 'department', parentId: province94, validFrom: null, validTo: departments.validTo, source: departments.source });
    }

    let events = 0;
    const addEvent = async (e: { date: string; kind: UnitEventKind; legalBasis: string; note?: string; predecessors: number[]; successors: { id: number; share: 'full' | 'partial' }[] }) => {
      const ev = await trx.insertInto('org_unit_event').values({ event_date: e.date, kind: e.kind, legal_basis: e.legalBasis, note: e.note ?? null }).returning('id').executeTakeFirstOrThrow();
      const links = [
        ...e.predecessors.map((unit_id) => ({ event_id: ev.id, unit_id, role: 'predecessor' as const })),
        ...e.successors.map((s) => ({ event_id: ev.id, unit_id: s.id, role: 'successor' as const, share: s.share })),
      ];
      await trx.insertInto('org_unit_event_unit').values(links).execute();
      events++;
    };

    for (const e of reorg.socTrang2024.events) {
      await addEvent({
        date: e.date, kind: e.kind, legalBasis: e.legalBasis, note: e.note,
        predecessors: e.predecessors.map((c) => ids.get(key(c, null))!),
        successors: e.successors.map((c) => ({ id: ids.get(key(c, e.date))!, share: 'full' as const })),
      });
    }

    // 2025: the new city, its communes, and the events that link Sóc Trăng's units to them.
    const d2025 = canTho.effectiveDate;
    const source2025 = 'data/reference/admin/can-tho-2025.json (Công văn 1027/CTK-CSCL; NQ 1668/NQ-UBTVQH15)';
    const city = await insertUnit({ ...canTho.province, shortName: 'Cần Thơ', level: 'province', parentId: null, validFrom: d2025, validTo: null, source: source2025 });
    for (const u of canTho.units) {
      await insertUnit({ ...u, shortName: u.name.replace(/^(Phường|Xã) /, ''), level: 'commune', parentId: city, validFrom: d2025, validTo: null, source: source2025 });
    }
    await addEvent({
      date: d2025, kind: 'merge', legalBasis: reorg.reorganisation2025.province.legalBasis, note: reorg.reorganisation2025.province.note,
      predecessors: [province94], successors: [{ id: city, share: 'full' }],
    });
    for (const district of units2024.filter((u) => u.level === 'district')) {
      await addEvent({
        date: d2025, kind: 'dissolve', legalBasis: reorg.reorganisation2025.districts.legalBasis, note: reorg.reorganisation2025.districts.note,
        predecessors: [ids.get(key(district.code, null))!], successors: [],
      });
    }
    for (const u of canTho.fromSocTrang) {
      const lb = u.legalBasis;
      await addEvent({
        date: d2025,
        kind: u.unchanged ? 'reparent' : 'merge',
        legalBasis: `${lb.resolution} (${lb.date}), Điều ${lb.article} khoản ${lb.clause}`,
        note: lb.text,
        predecessors: u.mergedFrom.map((p) => ids.get(key(p.code, fromOf(p.code)))!),
        successors: [{ id: ids.get(key(u.code, d2025))!, share: 'full' }],
      });
    }

    const boundarySource = 'Who\'s On First (Mesoshapes, CC0) — data/reference/admin/soc-trang-districts-open.geojson';
    for (const f of districts.features) {
      const unitId = ids.get(key(String(f.properties.code), null));
      if (unitId) {
        await trx.insertInto('org_unit_boundary').values({ unit_id: unitId, geometry: JSON.stringify(f.geometry), source: boundarySource }).execute();
      }
    }
    return { loaded: true, units: ids.size, events };
  });
}


