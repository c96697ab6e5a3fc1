import { lazy, Suspense } from 'react';
import type { MapFeatureCollection } from './UnitMap';

export interface MapPoint { id: string | number; lat: number; lon: number; color: string; label: string }

export interface PointsMapProps {
  outlines: MapFeatureCollection;
  points?: MapPoint[];
  /** The citizen's pin, shown larger; clicking the map moves it when onPick is given. */
  pin?: { lat: number; lon: number } | null;
  onPick?(point: { lat: number; lon: number }): void;
  onPoint?(id: string | number): void;
  label: string;
  testId?: string;
  height?: number;
}

// The chart library is most of the JavaScript a map needs: it comes in its own chunk, after the page around it is
// usable (a citizen on a slow phone can write a report while the map is still on its way).
const PointsMapChart = lazy(() => import('./PointsMapChart'));

/** Reports as dots over the province's outlines; the space it takes is kept while its code loads. */
export function PointsMap(props: PointsMapProps) {
  return (
    <Suspense fallback={<div className="points-map" style={{ width: '100%', height: props.height ?? 320 }} aria-busy="true" />}>
      <PointsMapChart {...props} />
    </Suspense>
  );
}
