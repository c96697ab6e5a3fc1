import { useEffect } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
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
}

/** Units drawn from their boundaries, each filled with the colour of its class, with layers of points on top. */
export function ChoroplethMap({ geojson, regions, points = [], onSelect, label }: Props) {
  const { element, chart } = useECharts();

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const byId = new Map(regions.map((r) => [r.id, r]));
    const features = geojson.features.filter((f) => byId.has(f.id));
    const mapName = `choropleth-${features.map((f) => f.id).join('-')}`;
    echarts.registerMap(mapName, { ...geojson, features: features.map((f) => ({ ...f, properties: { ...f.properties, name: String(f.id) } })) } as never);
    const short = (name: string) => name.replace(/^(Huyện|Thị xã|Thành phố|Phường|Xã) /, '');
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
        label: { show: true, fontSize: 10, formatter: (p: { name: string }) => short(byId.get(Number(p.name))?.name ?? '') },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#f1c232' } },
        regions: features.map((f) => ({ name: String(f.id), itemStyle: { areaColor: byId.get(f.id)!.colour } })),
      },
      series: [{
        type: 'scatter', coordinateSystem: 'geo', symbolSize: 9,
        data: points.map((p) => ({ value: [p.lon, p.lat], label: p.label, itemStyle: { color: p.colour, borderColor: '#fff', borderWidth: 1 } })),
      }],
    }, true);
  }, [geojson, regions, points, onSelect]);

  return <div ref={element} className="map" data-testid="choropleth" data-regions={regions.length} data-points={points.length} role="img" aria-label={label} />;
}
