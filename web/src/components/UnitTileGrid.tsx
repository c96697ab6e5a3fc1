import type { ChoroplethRegion } from './ChoroplethMap';

/**
 * The choropleth's fallback where a level has no polygons: the units as tiles ranked by their value, coloured as
 * the map would colour them, each one a button that drills down or opens the unit.
 */
export function UnitTileGrid({ regions, onSelect, label }: { regions: (ChoroplethRegion & { value: number | null })[]; onSelect(id: number): void; label: string }) {
  const ranked = [...regions].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'vi'));
  return (
    <ol className="unit-tiles" data-testid="unit-tiles" aria-label={label}>
      {ranked.map((r) => (
        <li key={r.id}>
          <button type="button" className="unit-tile" data-unit-id={r.id} style={{ borderLeftColor: r.colour }} onClick={() => onSelect(r.id)}>
            <span className="unit-tile-swatch" style={{ background: r.colour }} aria-hidden />
            <span className="unit-tile-name">{r.name}</span>
            <strong className="unit-tile-value">{r.valueText}</strong>
          </button>
        </li>
      ))}
    </ol>
  );
}
