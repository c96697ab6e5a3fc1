import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Device, DeviceKind } from '../../api/devices';
import { feedbackMapQuery } from '../../api/feedback-public';
import { PointsMap, type MapPoint } from '../../components/PointsMap';
import { DeviceStatusBadge, STATUS_COLOR, STATUSES, useKindNames } from './status';

/** The devices that have a point, coloured by status over the communes' outlines; a tap opens the device. */
export function DeviceMap({ devices, kinds }: { devices: Device[]; kinds: DeviceKind[] | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const names = useKindNames(kinds);
  const outlines = useQuery(feedbackMapQuery());
  const points: MapPoint[] = devices.filter((d) => d.location).map((d) => ({
    id: d.id, lat: d.location!.lat, lon: d.location!.lon, color: STATUS_COLOR[d.status],
    label: `${d.name} · ${names.kindName(d.kind)} · ${t(`devices.status.${d.status}`)}`,
  }));
  const unplaced = devices.length - points.length;
  return (
    <div className="card">
      <h2>{t('devices.map')}</h2>
      <div className="row wrap small" aria-label={t('devices.legend')}>
        {STATUSES.map((s) => <DeviceStatusBadge key={s} status={s} />)}
      </div>
      {outlines.data && outlines.data.outlines.features.length > 0 && <PointsMap outlines={outlines.data.outlines} points={points} onPoint={(id) => navigate(`/devices/${id}`)} label={t('devices.map')} testId="device-map" height={360} />}
      {unplaced > 0 && <p className="muted small">{t('devices.unplaced', { count: unplaced })}</p>}
    </div>
  );
}
