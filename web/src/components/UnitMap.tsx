import { useEffect } from 'react';
import { useECharts } from './Chart';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, TitleComponent, CanvasRenderer]);

export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id: number; geometry: unknown; properties: { id: number; code: string; name: string } }[];
}

interface Props {
  geojson: MapFeatureCollection;
  values: Map<number, number>;
  valueLabel: string;
  selectedId?: number;
  onSelect(id: number): void;
  label: string;
}

/** A choropleth of the units that have boundaries; colour is the figure in `values`. */
export function UnitMap({ geojson, values, valueLabel, selectedId, onSelect, label }: Props) {
  const { element, chart } = useECharts();

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const mapName = `units-${geojson.features.map((f) => f.id).join('-')}`;
    const named = { ...geojson, features: geojson.features.map((f) => ({ ...f, properties: { ...f.properties, name: String(f.id) } })) };
    echarts.registerMap(mapName, named as never);
    const data = geojson.features.map((f) => ({ name: String(f.id), value: values.get(f.id) ?? 0, unitName: f.properties.name, selected: f.id === selectedId }));
    const max = Math.max(1, ...data.map((d) => d.value));
    instance.off('click');
    instance.on('click', (params) => onSelect(Number((params as { name: string }).name)));
    instance.setOption(
      {
        tooltip: {
          trigger: 'item',
          formatter: (p: { data?: { unitName: string; value: number } }) => (p.data ? `${p.data.unitName}<br/>${valueLabel}: ${p.data.value}` : ''),
        },
        visualMap: { min: 0, max, left: 8, bottom: 8, calculable: false, inRange: { color: ['#e0ecf8', '#0b5394'] }, text: [String(max), '0'] },
        series: [{
          type: 'map', map: mapName, roam: true, selectedMode: 'single', data,
          label: { show: true, fontSize: 10, formatter: (p: { data?: { unitName: string } }) => p.data?.unitName.replace(/^(Huyện|Thị xã|Thành phố) /, '') ?? '' },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#f1c232' } },
          select: { itemStyle: { areaColor: '#e69138' } },
        }],
      },
      true,
    );
  }, [geojson, values, valueLabel, selectedId, onSelect]);

  return <div ref={element} className="map" data-testid="unit-map" data-regions={geojson.features.length} role="img" aria-label={label} />;
}
