import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReveal } from '../../components/useReveal';

/** The default port of the platform's embedded MQTT broker (MQTT_PORT); an installation may set another. */
const MQTT_DEFAULT_PORT = 1884;

/**
 * A device's access token, shown this once (the server keeps its hash only), with a copy button and how to connect
 * as with ThingsBoard: MQTT with the token as user name, or HTTP with the token in the address.
 */
export function TokenOnce({ token, deviceName, exampleKey, onDone }: { token: string; deviceName: string; exampleKey?: string; onDone(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  // Asked for at the foot of a long page (a new token), it is brought into sight: a phone would not show it otherwise.
  const ref = useReveal<HTMLDivElement>(token);
  const httpUrl = `${window.location.origin}/api/v1/${token}/telemetry`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // No clipboard (an insecure address): the token stays selectable on screen.
      setCopied(false);
    }
  };
  return (
    <div ref={ref} className="card warn-card" role="region" aria-label={t('devices.token.title')} data-testid="device-token">
      <h2>{t('devices.token.title')}</h2>
      <p>{t('devices.token.once', { name: deviceName })}</p>
      <p className="row wrap">
        <code className="secret" data-testid="token-value">{token}</code>
        <button type="button" onClick={() => void copy()}>{t('devices.token.copy')}</button>
        {copied && <span className="ok" role="status">{t('devices.token.copied')}</span>}
      </p>
      <h3>{t('devices.token.mqtt')}</h3>
      <ul className="small">
        <li>{t('devices.token.mqttHost', { host: window.location.hostname, port: MQTT_DEFAULT_PORT })}</li>
        <li>{t('devices.token.mqttUser')} <code className="secret">{token}</code></li>
        <li>{t('devices.token.mqttTopic')} <code>v1/devices/me/telemetry</code></li>
      </ul>
      <h3>{t('devices.token.http')}</h3>
      <p className="small">{t('devices.token.httpPost')} <code className="secret">{httpUrl}</code></p>
      <p className="small">{t('devices.token.payload')} <code className="secret">{JSON.stringify({ [exampleKey ?? 'temperature']: 12 })}</code></p>
      <button type="button" onClick={onDone}>{t('devices.token.done')}</button>
    </div>
  );
}
