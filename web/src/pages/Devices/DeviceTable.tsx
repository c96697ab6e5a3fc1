import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Device, DeviceKind } from '../../api/devices';
import { dateTime } from '../../dates';
import { DeviceCards } from './DeviceCards';
import { DeviceStatusBadge, formatNumber, useBadReason, useKindNames } from './status';
import { useNarrow } from './useNarrow';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The devices, one row each (a card each on a phone): where they stand, who owns them, whether they report, and what they sent that was refused. */
export function DeviceTable({ devices, kinds, filtered }: { devices: Device[]; kinds: DeviceKind[] | undefined; filtered: boolean }) {
  const { t, i18n } = useTranslation();
  const names = useKindNames(kinds);
  const badReason = useBadReason();
  const narrow = useNarrow();
  if (!devices.length) return <p className="muted">{t(filtered ? 'devices.noneFiltered' : 'devices.none')}</p>;
  if (narrow) return <DeviceCards devices={devices} kinds={kinds} />;
  return (
    <div className="table-wrap">
      <table data-testid="device-table">
        <thead>
          <tr>
            <th>{t('devices.name')}</th><th>{t('devices.kind')}</th><th>{t('devices.commune')}</th><th>{t('devices.owner')}</th>
            <th>{t('devices.statusLabel')}</th><th>{t('devices.lastSeen')}</th><th>{t('devices.battery')}</th><th>{t('devices.badPayloads')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-device-id={d.id}>
              <td><Link to={`/devices/${d.id}`}>{d.name}</Link></td>
              <td>{names.kindName(d.kind)}</td>
              <td>{d.unit?.name ?? '—'}</td>
              <td>{d.ownerUnit?.name ?? '—'}</td>
              <td style={NOWRAP}><DeviceStatusBadge status={d.status} /></td>
              <td style={NOWRAP}>{d.lastSeenAt ? dateTime(d.lastSeenAt) : t('devices.neverSeen')}</td>
              <td className="num" style={NOWRAP}>{d.battery === null ? '—' : `${formatNumber(d.battery, i18n.language)} %`}</td>
              <td>
                {d.badPayloads === 0 ? '0' : (
                  <span className="loss">
                    {d.badPayloads}
                    {d.lastBadReason && <small className="muted"> · {badReason(d.lastBadReason)}{d.lastBadAt ? ` (${dateTime(d.lastBadAt)})` : ''}</small>}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
