import { boundaries } from '../../core/org-units/index.js';
import type { Db } from '../../db/database.js';

// The consumer page's small map: the journey's places as points over the outlines of the units around them, one
// inline SVG of a few kilobytes (no tiles, no script), drawn in an equirectangular projection scaled at their latitude.

type Ring = [number, number][];
interface Outline { name: string; rings: Ring[]; box: [number, number, number, number] }
const W = 320;
const H = 200;

let cache: { at: number; outlines: Outline[] } | undefined;
const CACHE_MS = 10 * 60_000;

function ringsOf(geometry: unknown): Ring[] {
  const g = (typeof geometry === 'string' ? JSON.parse(geometry) : geometry) as { type?: string; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return [];
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return (polygons as unknown[][]).flatMap((p) => (Array.isArray(p) ? p : [])).filter((r): r is Ring => Array.isArray(r) && r.length > 2);
}

/**
 * The outlines to draw under the points: the communes in force when their boundaries are loaded, and the districts
 * of the last day they stood (the province's outline as it was drawn), read once in ten minutes.
 */
async function outlines(db: Db, today: string): Promise<Outline[]> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.outlines;
  const rows = [...(await boundaries(db, today, 'commune')), ...(await boundaries(db, '2025-06-30', 'district'))];
  const found = rows.map((r) => {
    const rings = ringsOf(r.geometry);
    const all = rings.flat();
    const box: Outline['box'] = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
    return { name: r.name, rings, box };
  }).filter((o) => o.rings.length);
  cache = { at: Date.now(), outlines: found };
  return found;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// A lot's map changes only when its journey does: drawn once for the same points and title, while the outlines last.
const drawn = new Map<string, string>();

/** The SVG of some points (in journey order) over the outlines around them; '' when none has coordinates. */
export async function journeyMap(db: Db, today: string, points: { name: string; lat: number | null; lon: number | null }[], title: string): Promise<string> {
  const key = JSON.stringify([today, title, points]);
  const known = cache && Date.now() - cache.at < CACHE_MS ? drawn.get(key) : undefined;
  if (known !== undefined) return known;
  const svg = await drawMap(db, today, points, title);
  if (drawn.size >= 500) drawn.clear();
  drawn.set(key, svg);
  return svg;
}

async function drawMap(db: Db, today: string, points: { name: string; lat: number | null; lon: number | null }[], title: string): Promise<string> {
  const located = points.filter((p): p is { name: string; lat: number; lon: number } => p.lat !== null && p.lon !== null);
  if (!located.length) return '';
  const lats = located.map((p) => p.lat);
  const lons = located.map((p) => p.lon);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  // At least some 20 km across, and a margin around the points.
  let [x0, x1] = [Math.min(...lons), Math.max(...lons)];
  let [y0, y1] = [Math.min(...lats), Math.max(...lats)];
  const span = Math.max((x1 - x0) * k, y1 - y0, 0.18) * 1.4;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const scale = Math.min(W / span, H / span);
  const spanX = W / scale / k;
  const spanY = H / scale;
  [x0, x1, y0, y1] = [cx - spanX / 2, cx + spanX / 2, cy - spanY / 2, cy + spanY / 2];
  const px = (lon: number) => ((lon - x0) * k * scale);
  const py = (lat: number) => ((y1 - lat) * scale);
  const paths = (await outlines(db, today))
    .filter((o) => o.box[0] < x1 && o.box[2] > x0 && o.box[1] < y1 && o.box[3] > y0)
    .map((o) => {
      const d = o.rings.map((ring) => {
        let last: [number, number] | null = null;
        const parts: string[] = [];
        for (const [lon, lat] of ring) {
          const p: [number, number] = [Math.round(px(lon) * 10) / 10, Math.round(py(lat) * 10) / 10];
          if (last && Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) < 1.5) continue;
          parts.push(`${p[0]} ${p[1]}`);
          last = p;
        }
        return parts.length > 2 ? `M${parts.join('L')}Z` : '';
      }).join('');
      return d ? `<path d="${d}"><title>${esc(o.name)}</title></path>` : '';
    }).join('');
  const seen = new Set<string>();
  const dots = located.filter((p) => (seen.has(`${p.lat},${p.lon}`) ? false : (seen.add(`${p.lat},${p.lon}`), true)));
  const line = dots.length > 1 ? `<polyline points="${dots.map((p) => `${px(p.lon).toFixed(1)},${py(p.lat).toFixed(1)}`).join(' ')}"/>` : '';
  const marks = dots.map((p, i) => `<g transform="translate(${px(p.lon).toFixed(1)} ${py(p.lat).toFixed(1)})"><circle r="7"/><text y="4">${i + 1}</text><title>${esc(p.name)}</title></g>`).join('');
  return `<svg class="map" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}"><g class="units">${paths}</g><g class="route">${line}</g><g class="pts">${marks}</g></svg>`
    + `<ol class="legend">${dots.map((p) => `<li>${esc(p.name)}</li>`).join('')}</ol>`;
}
