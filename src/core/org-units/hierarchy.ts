/** A unit and every unit below it, on one day's hierarchy (the units in force that day, as the unit cache holds them). */
export function unitsBelow(units: readonly { id: number; parentId: number | null }[], root: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const siblings = children.get(u.parentId);
    if (siblings) siblings.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  const out = new Set([root]);
  for (const id of out) for (const child of children.get(id) ?? []) out.add(child);
  return out;
}
