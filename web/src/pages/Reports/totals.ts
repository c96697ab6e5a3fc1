import type { FormItem } from '../../api/reporting';

/** An item's key in the report's values: the element, or element.disaggregation. */
export const keyOf = (i: FormItem) => (i.coc ? `${i.element}.${i.coc}` : i.element);

/** Totals worth showing: an element entered by disaggregation (women + men…) adds up to its total; nothing is stored. */
export function totalsOf(items: FormItem[], values: Record<string, number | null>): [string, number][] {
  const byElement = new Map<string, FormItem[]>();
  for (const i of items) if (i.coc) byElement.set(i.element, [...(byElement.get(i.element) ?? []), i]);
  return [...byElement].filter(([, parts]) => parts.length > 1).map(([element, parts]) => [element, parts.reduce((a, i) => a + (values[keyOf(i)] ?? 0), 0)]);
}
