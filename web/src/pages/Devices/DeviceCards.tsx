import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Device, DeviceKind } from '../../api/devices';
import { dateTime } from '../../dates';
import { DeviceStatusBadge, formatNumber, useBadReason, useKindNames } from './status';

/** The devices on a phone: one card each, with what the table's columns say, read top to bottom. */
export function DeviceCards({ devices, kinds }: { devices: Device[]; kinds: DeviceKind[] | undefined }) {
  const { t, i18n } = useTranslation();
  const names = useKindNames(kinds);
  const badReason = useBadReason();
  return (
    <ul className="device-cards" data-testid="device-cards" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {devices.map((d) => (
        <li key={d.id} className="card" data-device-id={d.id} aria-label={d.name}>
          <div className="row wrap" style={{ justifyContent: 'space-between' }}>
            <Link to={`/devices/${d.id}`}><b>{d.name}</b></Link>
            <DeviceStatusBadge status={d.status} />
          </div>
          <div className="small">{names.kindName(d.kind)} · {d.unit?.name ?? t('devices.noCommune')}</div>
          {d.ownerUnit && <div className="small muted">{t('devices.owner')}: {d.ownerUnit.name}</div>}
          <div className="small muted">
            {t('devices.lastSeen')}: {d.lastSeenAt ? dateTime(d.lastSeenAt) : t('devices.neverSeen')}
            {d.battery !== null && <> · {t('devices.battery')} {formatNumber(d.battery, i18n.language)} %</>}
          </div>
          {d.badPayloads > 0 && (
            <div className="small loss">
              {t('devices.badPayloads')}: {d.badPayloads}{d.lastBadReason && <> · {badReason(d.lastBadReason)}</>}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
