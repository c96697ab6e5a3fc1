/** The basemap the platform is configured with (GET /api/ioc/map/basemap). */
export interface Basemap { kind: 'xyz' | 'pmtiles'; url: string; attribution: string; minZoom: number; maxZoom: number }

/** Where the map draws a longitude and latitude, in pixels of its frame (ECharts' convertToPixel on the geo). */
type ToPixel = (lonLat: [number, number]) => number[] | undefined;

const TILE = 256;
const MAX_TILES = 150;
/** Web Mercator's y of a latitude, in degrees like the x (so the projection keeps one scale on both axes). */
export const mercatorY = (lat: number) => (Math.log(Math.tan(Math.PI / 4 + (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 360)) * 180) / Math.PI;
const latOf = (y: number) => (Math.atan(Math.exp((y * Math.PI) / 180)) * 360) / Math.PI - 90;
/** The projection the geo component is given under a basemap, so boundaries and tiles agree (y grows downwards). */
export const MERCATOR = {
  project: ([lon, lat]: number[]) => [lon!, -mercatorY(lat!)],
  unproject: ([x, y]: number[]) => [x!, latOf(-y!)],
};

/** A tile's image: the template's address, or the tile read from the platform's PMTiles file by byte range. */
async function tileSource(basemap: Basemap): Promise<(z: number, x: number, y: number) => Promise<string | null>> {
  if (basemap.kind === 'xyz') return async (z, x, y) => basemap.url.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
  const { PMTiles } = await import('pmtiles');
  const archive = new PMTiles(basemap.url);
  const type = ['', '', 'image/png', 'image/jpeg', 'image/webp', 'image/avif'][(await archive.getHeader()).tileType] ?? 'image/png';
  return async (z, x, y) => {
    const tile = await archive.getZxy(z, x, y).catch(() => undefined);
    return tile ? URL.createObjectURL(new Blob([tile.data], { type })) : null;
  };
}

/**
 * Raster tiles in Web Mercator, drawn as images in `host` (under the chart's canvas) where the geo shows them: after
 * each render of the chart (a pan, a zoom, a resize) `update` lays out the tiles of the zoom that fits the scale and
 * keeps those already loaded. The host's `data-tiles` counts the tiles drawn, for anyone checking.
 */
export function tileLayer(host: HTMLElement, basemap: Basemap) {
  const source = tileSource(basemap);
  const shown = new Map<string, HTMLImageElement>();
  let drawn = 0;
  let disposed = false;

  function place(toPixel: ToPixel) {
    // Two places fix the linear map from projected degrees to pixels (one scale, no rotation).
    const a = toPixel([105, 9]);
    const b = toPixel([106, 10]);
    if (!a || !b) return;
    const sx = b[0]! - a[0]!;
    const sy = (b[1]! - a[1]!) / (mercatorY(9) - mercatorY(10));
    if (!(sx > 0) || !(sy > 0)) return;
    const z = Math.max(basemap.minZoom, Math.min(basemap.maxZoom, Math.round(Math.log2((360 * sx) / TILE))));
    const n = 2 ** z;
    // Tile-grid fractions (0–1 over the world) to the frame's pixels, and back.
    const px = (fx: number) => a[0]! + (fx * 360 - 180 - 105) * sx;
    const py = (fy: number) => a[1]! + (fy * 360 - 180 + mercatorY(9)) * sy;
    const fx = (p: number) => ((p - a[0]!) / sx + 105 + 180) / 360;
    const fy = (p: number) => ((p - a[1]!) / sy + 180 - mercatorY(9)) / 360;
    const clamp = (v: number) => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
    const [x0, x1, y0, y1] = [clamp(fx(0)), clamp(fx(host.clientWidth)), clamp(fy(0)), clamp(fy(host.clientHeight))];
    const wanted = new Set<string>();
    if ((x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_TILES) {
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
        const key = `${z}/${x}/${y}`;
        wanted.add(key);
        const left = Math.round(px(x / n)), top = Math.round(py(y / n));
        const img = shown.get(key) ?? load(key, z, x, y);
        Object.assign(img.style, { left: `${left}px`, top: `${top}px`, width: `${Math.round(px((x + 1) / n)) - left}px`, height: `${Math.round(py((y + 1) / n)) - top}px` });
      }
    }
    for (const [key, img] of shown) if (!wanted.has(key)) drop(key, img);
    host.dataset.zoom = String(z);
  }

  // A tile read from the PMTiles file is a blob address, let go with its image.
  function drop(key: string, img: HTMLImageElement) {
    if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
    img.remove();
    shown.delete(key);
  }

  function load(key: string, z: number, x: number, y: number): HTMLImageElement {
    const img = document.createElement('img');
    img.alt = '';
    img.draggable = false;
    img.dataset.tile = key;
    Object.assign(img.style, { position: 'absolute', visibility: 'hidden', pointerEvents: 'none' });
    img.onload = () => {
      img.style.visibility = 'visible';
      host.dataset.tiles = String(++drawn);
    };
    img.onerror = () => drop(key, img);
    shown.set(key, img);
    host.append(img);
    void source.then((get) => get(z, x, y)).then((url) => {
      if (disposed || shown.get(key) !== img) {
        if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
      } else if (url) img.src = url;
    }).catch(() => drop(key, img));
    return img;
  }

  let frame = 0;
  return {
    /** Lays the tiles out again, once per animation frame however often it is asked. */
    update(toPixel: ToPixel) {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!disposed) place(toPixel);
      });
    },
    dispose() {
      disposed = true;
      cancelAnimationFrame(frame);
      for (const [key, img] of shown) drop(key, img);
      host.replaceChildren();
    },
  };
}
