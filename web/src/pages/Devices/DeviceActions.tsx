import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceKeys, replaceDeviceToken, revokeDevice, type Device, type DeviceWithToken } from '../../api/devices';
import { ErrorText } from '../../components/Chrome';

type Step = 'revoke' | 'token';

/**
 * An administrator's actions on a device, each asked twice: revoking stops its token at once (its readings stay);
 * a new token replaces the old one, which stops working, and is shown once by the caller.
 */
export function DeviceActions({ device, onToken }: { device: Device; onToken(created: DeviceWithToken): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [asking, setAsking] = useState<Step | null>(null);
  const done = () => {
    setAsking(null);
    void client.invalidateQueries({ queryKey: deviceKeys.all });
  };
  const revoke = useMutation({ mutationFn: () => revokeDevice(device.id), onSuccess: done });
  const token = useMutation({ mutationFn: () => replaceDeviceToken(device.id), onSuccess: (created) => { done(); onToken(created); } });
  const pending = revoke.isPending || token.isPending;
  return (
    <div className="card" data-testid="device-actions">
      <h2>{t('devices.actions.title')}</h2>
      {asking === null ? (
        <div className="row wrap">
          <button type="button" onClick={() => setAsking('token')}>{t('devices.actions.replaceToken')}</button>
          {device.status !== 'revoked' && <button type="button" onClick={() => setAsking('revoke')}>{t('devices.actions.revoke')}</button>}
        </div>
      ) : (
        <div className="notice" role="alertdialog" aria-label={t(`devices.actions.confirm.${asking}`, { name: device.name })}>
          <p>{t(`devices.actions.confirm.${asking}`, { name: device.name })}</p>
          <div className="row wrap">
            <button type="button" className="primary" disabled={pending} onClick={() => (asking === 'revoke' ? revoke.mutate() : token.mutate())}>
              {t(`devices.actions.yes.${asking}`)}
            </button>
            <button type="button" onClick={() => setAsking(null)}>{t('devices.actions.cancel')}</button>
          </div>
        </div>
      )}
      <ErrorText error={revoke.error ?? token.error} />
    </div>
  );
}
