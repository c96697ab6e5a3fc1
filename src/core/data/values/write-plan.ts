import type { Checked } from './checker.js';
import type { WriteCounts } from './value-store.js';

// Planning a write of values held in memory, row by row as a person would make the changes one after another; the
// plan is then written in bulk by value-store.ts. Pure: no database here.

/** What a key holds, stored or as the plan leaves it. */
export interface Slot {
  /** null until a new value is given its id. */
  id: number | null;
  row: Checked;
  value: string;
  numeric: number | null;
  deleted: boolean;
  comment: string | null;
  followup: boolean;
  isNew: boolean;
  changed: boolean;
}

export type Change = 'create' | 'update' | 'delete' | 'restore';

export interface Plan {
  counts: WriteCounts;
  slots: Slot[];
  history: { slot: Slot; change: Change; old: string | null; new: string | null; comment: string | null }[];
}

/** A value's identity in the store: the unique key data_value_key. */
export const keyOf = (r: Checked) => `${r.element.id}|${r.input.orgUnitId}|${r.period.start}|${r.period.end}|${r.cocId}`;

export interface StoredRow {
  id: number;
  element_id: number;
  org_unit_id: number;
  start_date: string;
  end_date: string;
  coc_id: number;
  value: string;
  numeric_value: number | null;
  deleted: boolean;
  comment: string | null;
  followup: boolean;
}

/**
 * The stored values under the rows' keys, locked for update. An import mostly brings values nobody has stored yet,
 * so first one probe per (element, unit) over the dates the rows span, and only where that finds something a look-up
 * of each key: a month's new figures for every commune cost a few hundred probes, not a million.
 */
/**
 * The changes the rows make, in order: a later row for the same key sees what the earlier one left (so a repeated
 * value is an update, a value equal to what is stored is ignored). A null value deletes softly; a value given to a
 * deleted key restores it. An absent comment or follow-up flag keeps the stored one.
 */
export function planChanges(rows: Checked[], keys: string[], stored: Map<string, StoredRow>): Plan {
  const plan: Plan = { counts: { imported: 0, updated: 0, ignored: 0, deleted: 0 }, slots: [], history: [] };
  const slots = new Map<string, Slot>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const key = keys[i]!;
    let slot = slots.get(key);
    if (!slot) {
      const s = stored.get(key);
      if (s) {
        slot = { id: s.id, row, value: s.value, numeric: s.numeric_value, deleted: s.deleted, comment: s.comment, followup: s.followup, isNew: false, changed: false };
        slots.set(key, slot);
      }
    }
    const note = row.input.comment ?? null;
    if (row.text === null) {
      if (!slot || slot.deleted) {
        plan.counts.ignored++;
        continue;
      }
      plan.counts.deleted++;
      plan.history.push({ slot, change: 'delete', old: slot.value, new: null, comment: note });
      Object.assign(slot, { deleted: true, changed: true });
      continue;
    }
    const { comment, followup } = row.input;
    if (slot && !slot.deleted && slot.value === row.text && (comment === undefined || comment === slot.comment) && (followup === undefined || followup === slot.followup)) {
      plan.counts.ignored++;
      continue;
    }
    if (slot) {
      plan.history.push({ slot, change: slot.deleted ? 'restore' : 'update', old: slot.deleted ? null : slot.value, new: row.text, comment: note });
      plan.counts.updated++;
    } else {
      slot = { id: null, row, value: row.text, numeric: row.number, deleted: false, comment: null, followup: false, isNew: true, changed: true };
      slots.set(key, slot);
      plan.history.push({ slot, change: 'create', old: null, new: row.text, comment: note });
      plan.counts.imported++;
    }
    Object.assign(slot, {
      value: row.text, numeric: row.number, deleted: false, changed: true,
      ...(comment !== undefined ? { comment } : {}), ...(followup !== undefined ? { followup } : {}),
    });
  }
  plan.slots = [...slots.values()].filter((s) => s.changed);
  return plan;
}
