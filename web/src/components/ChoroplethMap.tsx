import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { MERCATOR, tileLayer, type Basemap } from './basemap-tiles';
import { useECharts } from './Chart';
import type { MapFeatureCollection } from './UnitMap';

echarts.use([GeoComponent, ScatterChart, TooltipComponent, CanvasRenderer]);

export interface ChoroplethRegion { id: number; name: string; colour: string; valueText: string }
/** A point on the map: an open case or an active alert, coloured by its layer. */
export interface MapPoint { lat: number; lon: number; label: string; colour: string }

interface Props {
  geojson: MapFeatureCollection;
  regions: ChoroplethRegion[];
  points?: MapPoint[];
  onSelect(id: number): void;
  label: string;
  /** Raster tiles drawn under the boundaries, which are then filled see-through; none: boundaries alone. */
  basemap?: Basemap | null;
}

/** A colour `#rrggbb` made see-through, so the basemap shows under a unit's fill. */
const seeThrough = (hex: string, alpha = 0.55) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return /^#[0-9a-f]{6}$/i.test(hex) ? `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})` : hex;
};

/**
 * Units drawn from their boundaries, each filled with the colour of its class, with layers of points on top; with a
 * basemap, its tiles are laid under them in Web Mercator (the geo is projected the same way) and its attribution shown.
 */
export function ChoroplethMap({ geojson, regions, points = [], onSelect, label, basemap = null }: Props) {
  const { element, chart } = useECharts();
  const tilesHost = useRef<HTMLDivElement>(null);
  const tiles = useRef<ReturnType<typeof tileLayer> | null>(null);

  useEffect(() => {
    const instance = chart.current;
    if (!basemap || !tilesHost.current || !instance) return;
    const layer = tileLayer(tilesHost.current, basemap);
    tiles.current = layer;
    const update = () => layer.update((lonLat) => instance.convertToPixel({ geoIndex: 0 }, lonLat) as number[] | undefined);
    instance.on('rendered', update);
    return () => {
      instance.off('rendered', update);
      layer.dispose();
      tiles.current = null;
    };
  }, [basemap]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const byId = new Map(regions.map((r) => [r.id, r]));
    const features = geojson.features.filter((f) => byId.has(f.id));
    const mapName = `choropleth-${features.map((f) => f.id).join('-')}`;
    echarts.registerMap(mapName, { ...geojson, features: features.map((f) => ({ ...f, properties: { ...f.properties, name: String(f.id) } })) } as never);
    const short = (name: string) => name.replace(/^(Huyện|Thị xã|Thành phố|Phường|Xã) /, '');
    const fill = (colour: string) => (basemap ? seeThrough(colour) : colour);
    instance.off('click');
    instance.on('click', (params) => {
      const p = params as { componentType: string; name: string };
      if (p.componentType === 'geo') onSelect(Number(p.name));
    });
    instance.setOption({
      tooltip: {
        trigger: 'item',
        formatter: (p: { componentType: string; name: string; data?: { label: string } }) => {
          if (p.componentType === 'series') return p.data?.label ?? '';
          const r = byId.get(Number(p.name));
          return r ? `${r.name}<br/>${r.valueText}` : '';
        },
      },
      geo: {
        map: mapName, roam: true, triggerEvent: true,
        ...(basemap ? { projection: MERCATOR } : {}),
        label: { show: true, fontSize: 10, formatter: (p: { name: string }) => short(byId.get(Number(p.name))?.name ?? '') },
        emphasis: { label: { show: true }, itemStyle: { areaColor: fill('#f1c232') } },
        regions: features.map((f) => ({ name: String(f.id), itemStyle: { areaColor: fill(byId.get(f.id)!.colour) } })),
      },
      series: [{
        type: 'scatter', coordinateSystem: 'geo', symbolSize: 9,
        data: points.map((p) => ({ value: [p.lon, p.lat], label: p.label, itemStyle: { color: p.colour, borderColor: '#fff', borderWidth: 1 } })),
      }],
    }, true);
  }, [geojson, regions, points, onSelect, basemap]);

  const attributes = { 'data-testid': 'choropleth', 'data-regions': regions.length, 'data-points': points.length, role: 'img', 'aria-label': label };
  if (!basemap) return <div ref={element} className="map" {...attributes} />;
  return (
    <div className="map" style={{ position: 'relative', overflow: 'hidden' }} data-basemap={basemap.kind} {...attributes}>
      <div ref={tilesHost} data-testid="basemap-tiles" aria-hidden style={{ position: 'absolute', inset: 0, background: '#eef1f4' }} />
      <div ref={element} style={{ position: 'absolute', inset: 0 }} />
      <small className="basemap-attribution" data-testid="basemap-attribution"
        style={{ position: 'absolute', right: 0, bottom: 0, padding: '0 0.3rem', background: 'rgba(255, 255, 255, 0.8)', fontSize: '0.7rem', pointerEvents: 'none' }}>
        {basemap.attribution}
      </small>
    </div>
  );
}
