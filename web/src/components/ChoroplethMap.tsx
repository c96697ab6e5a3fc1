import { useEffect } from 'react';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useECharts } from './Chart';
import type { MapFeatureCollection } from './UnitMap';

echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

export interface ChoroplethRegion { id: number; name: string; colour: string; valueText: string }

interface Props {
  geojson: MapFeatureCollection;
  regions: ChoroplethRegion[];
  onSelect(id: number): void;
  label: string;
}

/** Units drawn from their boundaries, each filled with the colour of its class (the legend is beside it). */
export function ChoroplethMap({ geojson, regions, onSelect, label }: Props) {
  const { element, chart } = useECharts();

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const byId = new Map(regions.map((r) => [r.id, r]));
    const features = geojson.features.filter((f) => byId.has(f.id));
    const mapName = `choropleth-${features.map((f) => f.id).join('-')}`;
    echarts.registerMap(mapName, { ...geojson, features: features.map((f) => ({ ...f, properties: { ...f.properties, name: String(f.id) } })) } as never);
    const data = features.map((f) => {
      const r = byId.get(f.id)!;
      return { name: String(f.id), unitName: r.name, valueText: r.valueText, itemStyle: { areaColor: r.colour } };
    });
    instance.off('click');
    instance.on('click', (params) => onSelect(Number((params as { name: string }).name)));
    instance.setOption({
      tooltip: { trigger: 'item', formatter: (p: { data?: { unitName: string; valueText: string } }) => (p.data ? `${p.data.unitName}<br/>${p.data.valueText}` : '') },
      series: [{
        type: 'map', map: mapName, roam: true, data,
        label: { show: true, fontSize: 10, formatter: (p: { data?: { unitName: string } }) => p.data?.unitName.replace(/^(Huyện|Thị xã|Thành phố|Phường|Xã) /, '') ?? '' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#f1c232' } },
      }],
    }, true);
  }, [geojson, regions, onSelect]);

  return <div ref={element} className="map" data-testid="choropleth" data-regions={regions.length} role="img" aria-label={label} />;
}
