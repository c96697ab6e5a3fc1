import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth';
import { deviceKindsQuery, deviceQuery, latestQuery, type DeviceWithToken } from '../../api/devices';
import { ErrorText } from '../../components/Chrome';
import { dateTime } from '../../dates';
import { DeviceActions } from './DeviceActions';
import { ReadingCharts } from './ReadingCharts';
import { DeviceStatusBadge, formatNumber, useBadReason, useKindNames } from './status';
import { TokenOnce } from './TokenOnce';

/** One device: what and where it is, its last reading of each key, a chart of each, and an administrator's actions. */
export function DevicePage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const canManage = useCan()('devices.manage');
  const [replaced, setReplaced] = useState<DeviceWithToken | null>(null);
  const kinds = useQuery(deviceKindsQuery());
  const valid = Number.isInteger(id) && id > 0;
  const device = useQuery({ ...deviceQuery(id), enabled: valid });
  const latest = useQuery({ ...latestQuery(id), enabled: device.isSuccess });
  const names = useKindNames(kinds.data);
  const badReason = useBadReason();
  const d = device.data;
  const back = <p><Link to="/devices">← {t('devices.back')}</Link></p>;
  if (!d) {
    return (
      <section>
        {back}
        <h1>{t('devices.title')}</h1>
        {!valid ? <p className="error">{t('devices.notFound')}</p> : device.isError ? <ErrorText error={device.error} /> : <p className="muted">{t('devices.loading')}</p>}
      </section>
    );
  }
  const kind = names.kindOf(d.kind);
  const readings = latest.data ?? [];
  // The kind's keys in its order, then any the device sent that the kind no longer names.
  const keys = [...(kind?.keys.map((k) => k.key) ?? []), ...readings.map((r) => r.key).filter((k) => !kind?.keys.some((x) => x.key === k))];
  const charted = keys.filter((k) => readings.some((r) => r.key === k));
  return (
    <section>
      {back}
      <div className="row wrap">
        <h1>{d.name}</h1>
        <DeviceStatusBadge status={d.status} />
      </div>
      {replaced && <TokenOnce token={replaced.token} deviceName={replaced.device.name} exampleKey={kind?.keys[0]?.key} onDone={() => setReplaced(null)} />}
      <div className="card">
        <table data-testid="device-facts">
          <tbody>
            <tr><th scope="row">{t('devices.kind')}</th><td>{names.kindName(d.kind)}</td></tr>
            <tr><th scope="row">{t('devices.commune')}</th><td>{d.unit?.name ?? '—'}</td></tr>
            <tr><th scope="row">{t('devices.owner')}</th><td>{d.ownerUnit?.name ?? '—'}</td></tr>
            <tr><th scope="row">{t('devices.point')}</th><td>{d.location ? `${d.location.lat}, ${d.location.lon}` : '—'}</td></tr>
            <tr><th scope="row">{t('devices.lastSeen')}</th><td>{d.lastSeenAt ? dateTime(d.lastSeenAt) : t('devices.neverSeen')}</td></tr>
            <tr><th scope="row">{t('devices.battery')}</th><td>{d.battery === null ? '—' : `${formatNumber(d.battery, i18n.language)} %`}</td></tr>
            <tr><th scope="row">{t('devices.badPayloads')}</th><td data-testid="bad-payloads">{d.badPayloads}</td></tr>
            {d.lastBadReason && <tr><th scope="row">{t('devices.lastBad')}</th><td>{badReason(d.lastBadReason)}{d.lastBadAt && <small className="muted"> ({dateTime(d.lastBadAt)})</small>}</td></tr>}
            <tr><th scope="row">{t('devices.token.prefix')}</th><td><code>{d.tokenPrefix}…</code></td></tr>
            {d.revokedAt && <tr><th scope="row">{t('devices.revokedAt')}</th><td>{dateTime(d.revokedAt)}</td></tr>}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>{t('devices.latest')}</h2>
        {readings.length === 0 ? <p className="muted">{t('devices.noReadings')}</p> : (
          <div className="figures" data-testid="latest-readings">
            {charted.map((k) => {
              const r = readings.find((x) => x.key === k)!;
              return (
                <div key={k} className="tile" data-key={k}>
                  <span>{names.keyName(kind, k)}</span>
                  <b>{formatNumber(r.value, i18n.language)} <small>{names.keyUnit(kind, k)}</small></b>
                  <small className="muted">{dateTime(r.at)}</small>
                </div>
              );
            })}
          </div>
        )}
      </div>
      <ReadingCharts deviceId={d.id} kind={kind} keys={charted} />
      {canManage && <DeviceActions device={d} onToken={setReplaced} />}
    </section>
  );
}
