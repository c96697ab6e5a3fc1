import { SYSTEM } from '../../core/access/index.js';
import { addDays } from '../../core/calendar/index.js';
import { ensureDataElements, publishedValues, writeValues, type ValueInput } from '../../core/data/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { agronomyReference, AGRONOMY_SOURCE } from './reference.js';
import { stationDays, trapNights } from './readings.js';

const SOURCE = `${AGRONOMY_SOURCE}/figures.json`;
const period = (iso: string) => iso.replaceAll('-', '');

/** The agronomy elements (catches disaggregated by species), created through the store when missing. */
export async function ensureAgronomyFigures(db: Db): Promise<void> {
  const { figures, species } = agronomyReference();
  const combo = {
    code: figures.species.code, nameVi: figures.species.nameVi, nameEn: figures.species.nameEn,
    categories: [{ ...figures.species, options: species.map((s) => ({ code: s.code, nameVi: s.nameVi, nameEn: s.nameEn })) }],
  };
  await inTransaction(db, (trx) => ensureDataElements({
    db: trx, actor: SYSTEM, elements: figures.elements.map((e) => ({
      code: e.code, nameVi: e.nameVi, nameEn: e.nameEn, valueType: e.valueType, aggUnits: e.aggUnits, aggTime: e.aggTime, unit: e.unit,
      periodTypes: ['day'], source: SOURCE, computed: true, ...(e.bySpecies ? { categoryCombo: combo } : {}),
    })),
  }));
}

/**
 * Publishes the nights `from`..`to` (a night dated by its evening) into the store: each commune's catch per species
 * (the sum of its traps), and each commune's highest and lowest salinity of each day (over its stations). Rerunning
 * rewrites the same values; a late batch of readings changes the figure on the next run. Answers the values written.
 */
export async function publishAgronomyFigures(db: Db, range: { from: string; to: string }): Promise<number> {
  await ensureAgronomyFigures(db);
  const figures = new Map<string, ValueInput>();
  const set = (v: ValueInput) => figures.set(`${v.element}|${v.orgUnitId}|${v.coc ?? ''}|${v.period}`, v);
  const catches = new Map<string, number>();
  for (const n of await trapNights(db, range)) {
    if (n.unitId === null) continue;
    const key = `${n.unitId}|${n.species}|${n.night}`;
    catches.set(key, (catches.get(key) ?? 0) + n.count);
  }
  for (const [key, count] of catches) {
    const [unit, species, night] = key.split('|') as [string, string, string];
    set({ element: 'AGRI_TRAP_CATCH', orgUnitId: Number(unit), period: period(night), coc: `AGRI_SPECIES_${species}`, value: Math.round(count) });
  }
  const extremes = new Map<string, { min: number; max: number }>();
  for (const d of await stationDays(db, range)) {
    if (d.unitId === null) continue;
    const key = `${d.unitId}|${d.day}`;
    const e = extremes.get(key);
    extremes.set(key, e ? { min: Math.min(e.min, d.min), max: Math.max(e.max, d.max) } : { min: d.min, max: d.max });
  }
  for (const [key, e] of extremes) {
    const [unit, day] = key.split('|') as [string, string];
    set({ element: 'AGRI_SALINITY_MAX', orgUnitId: Number(unit), period: period(day), value: Math.round(e.max * 100) / 100 });
    set({ element: 'AGRI_SALINITY_MIN', orgUnitId: Number(unit), period: period(day), value: Math.round(e.min * 100) / 100 });
  }
  // A catch published before whose readings are gone (a device moved, a bad batch deleted) falls back to 0.
  for (const s of await publishedValues(db, { elementPrefix: 'AGRI_TRAP_', from: range.from })) {
    const key = `${s.code}|${s.org_unit_id}|${s.coc}|${s.period}`;
    if (s.period <= period(range.to) && !figures.has(key)) figures.set(key, { element: s.code, orgUnitId: Number(s.org_unit_id), period: s.period, coc: s.coc, value: 0 });
  }
  if (!figures.size) return 0;
  const summary = await writeValues(db, SYSTEM, [...figures.values()], { kind: 'job', ref: 'agronomy.publish' });
  if (summary.problems.length) throw new Error(`agronomy figures: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  return summary.imported + summary.updated;
}

/** The nights a morning run publishes: the last `nights` nights up to yesterday evening's (late batches included). */
export const recentNights = (today: string, nights = 3) => ({ from: addDays(today, -nights), to: addDays(today, -1) });
