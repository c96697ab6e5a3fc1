import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth';
import { deviceKindsQuery, devicesQuery, type DeviceStatus, type DeviceWithToken } from '../../api/devices';
import { ErrorText } from '../../components/Chrome';
import { DeviceMap } from './DeviceMap';
import { DeviceTable } from './DeviceTable';
import { RegisterForm } from './RegisterForm';
import { STATUSES, useKindNames } from './status';
import { TokenOnce } from './TokenOnce';

/** Field devices: the list and the map, filtered by kind and status; an administrator registers new ones here. */
export function DevicesPage() {
  const { t } = useTranslation();
  const canManage = useCan()('devices.manage');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState<DeviceStatus | ''>('');
  const [registering, setRegistering] = useState(false);
  const [created, setCreated] = useState<DeviceWithToken | null>(null);
  const kinds = useQuery(deviceKindsQuery());
  const devices = useQuery(devicesQuery(kind));
  const names = useKindNames(kinds.data);
  const shown = (devices.data ?? []).filter((d) => !status || d.status === status);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, (devices.data ?? []).filter((d) => d.status === s).length]));
  const createdKind = created ? names.kindOf(created.device.kind) : undefined;
  return (
    <section>
      <div className="row wrap">
        <h1>{t('devices.title')}</h1><span className="spacer" />
        {canManage && !created && (
          <button type="button" className={registering ? undefined : 'primary'} onClick={() => setRegistering(!registering)} aria-expanded={registering}>
            {t('devices.register.open')}
          </button>
        )}
      </div>
      {created && (
        <TokenOnce
          token={created.token} deviceName={created.device.name} exampleKey={createdKind?.keys[0]?.key}
          onDone={() => setCreated(null)}
        />
      )}
      {created && <p><Link to={`/devices/${created.device.id}`}>{t('devices.openCreated', { name: created.device.name })}</Link></p>}
      {registering && canManage && kinds.data && (
        <RegisterForm kinds={kinds.data} onCreated={(c) => { setCreated(c); setRegistering(false); }} />
      )}
      <div className="figures" style={{ marginBottom: '1rem' }}>
        {STATUSES.map((s) => (
          <div key={s} className="tile" data-testid={`count-${s}`}><b>{counts[s]}</b>{t(`devices.status.${s}`)}</div>
        ))}
      </div>
      <div className="row wrap" role="group" aria-label={t('devices.filters')}>
        <label>{t('devices.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label={t('devices.kind')}>
            <option value="">{t('devices.allKinds')}</option>
            {kinds.data?.map((k) => <option key={k.code} value={k.code}>{names.kindName(k.code)}</option>)}
          </select>
        </label>
        <label>{t('devices.statusLabel')}
          <select value={status} onChange={(e) => setStatus(e.target.value as DeviceStatus | '')} aria-label={t('devices.statusLabel')}>
            <option value="">{t('devices.allStatuses')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`devices.status.${s}`)}</option>)}
          </select>
        </label>
      </div>
      {devices.isSuccess && <DeviceTable devices={shown} kinds={kinds.data} filtered={Boolean(kind || status)} />}
      <ErrorText error={devices.error ?? kinds.error} />
      {devices.isSuccess && <DeviceMap devices={shown} kinds={kinds.data} />}
    </section>
  );
}
