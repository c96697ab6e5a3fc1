import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useECharts } from './Chart';
import type { PointsMapProps as Props } from './PointsMap';

echarts.use([MapChart, ScatterChart, GeoComponent, TooltipComponent, CanvasRenderer]);

/**
 * Reports as dots over the province's outlines (ECharts geo, no tile server: the platform runs without the
 * internet). A click anywhere on the map can drop the citizen's pin.
 */
export default function PointsMapChart({ outlines, points = [], pin, onPick, onPoint, label, testId, height = 320 }: Props) {
  const { element, chart } = useECharts();
  const handlers = useRef({ onPick, onPoint });
  handlers.current = { onPick, onPoint };

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const mapName = `outlines-${outlines.features.map((f) => f.id).join('-')}`;
    echarts.registerMap(mapName, { ...outlines, features: outlines.features.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.name } })) } as never);
    instance.setOption({
      tooltip: { trigger: 'item', formatter: (p: { data?: { label?: string }; name?: string }) => p.data?.label ?? p.name ?? '' },
      geo: { map: mapName, roam: true, silent: !onPick, itemStyle: { areaColor: '#eef3f8', borderColor: '#8aa4c0' }, emphasis: { disabled: true } },
      series: [
        {
          type: 'scatter', coordinateSystem: 'geo', symbolSize: 9,
          data: points.map((p) => ({ value: [p.lon, p.lat], id: p.id, label: p.label, itemStyle: { color: p.color } })),
        },
        {
          type: 'scatter', coordinateSystem: 'geo', symbol: 'pin', symbolSize: 34, z: 10,
          data: pin ? [{ value: [pin.lon, pin.lat], label: `${pin.lat.toFixed(5)}, ${pin.lon.toFixed(5)}`, itemStyle: { color: '#cc0000' } }] : [],
        },
      ],
    }, true);
  }, [outlines, points, pin, onPick]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.off('click');
    instance.on('click', (params) => {
      const data = (params as { data?: { id?: string | number } }).data;
      if (params.componentType === 'series' && data?.id !== undefined) handlers.current.onPoint?.(data.id);
    });
    // Clicks on empty water or land: anywhere inside the geo component drops the pin.
    const zr = instance.getZr();
    const drop = (e: { offsetX: number; offsetY: number }) => {
      if (!handlers.current.onPick) return;
      if (!instance.containPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY])) return;
      const [lon, lat] = instance.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]) as number[];
      if (Number.isFinite(lat) && Number.isFinite(lon)) handlers.current.onPick({ lat: Number(lat!.toFixed(6)), lon: Number(lon!.toFixed(6)) });
    };
    zr.on('click', drop);
    return () => {
      zr.off('click', drop);
    };
  }, []);

  return <div ref={element} className="points-map" style={{ width: '100%', height }} data-testid={testId} data-points={points.length} role="img" aria-label={label} />;
}
