import { useTranslation } from 'react-i18next';
import type { DeviceKind, DeviceStatus } from '../../api/devices';

export const STATUSES: DeviceStatus[] = ['online', 'offline', 'never', 'revoked'];

/** The colour of each status, on the badge and on the map alike. */
export const STATUS_COLOR: Record<DeviceStatus, string> = { online: '#38761d', offline: '#cc0000', never: '#6b7480', revoked: '#5b3e8c' };

/** Online, offline, never reported, revoked: a coloured badge the list, the map's legend and the device page share. */
export function DeviceStatusBadge({ status }: { status: DeviceStatus }) {
  const { t } = useTranslation();
  return <span className="badge" style={{ background: STATUS_COLOR[status], color: '#fff' }} data-status={status}>{t(`devices.status.${status}`)}</span>;
}

// The server words a refused payload as "code: detail" (payload.ts, ingest.ts); the code is said in the reader's language.
const REASONS = ['invalid', 'unknown_keys', 'malformed_json', 'payload_too_large'];

/** Why the last refused payload was refused, in the reader's language, with the server's detail (the field, the keys). */
export function useBadReason(): (reason: string | null) => string {
  const { t } = useTranslation();
  return (reason) => {
    if (!reason) return '';
    const at = reason.indexOf(':');
    const code = at < 0 ? reason : reason.slice(0, at);
    const detail = at < 0 ? '' : reason.slice(at + 1).trim();
    if (!REASONS.includes(code)) return reason;
    return detail ? `${t(`devices.bad.${code}`)}: ${detail}` : t(`devices.bad.${code}`);
  };
}

/** Names of kinds and of their keys, in the reader's language. */
export function useKindNames(kinds: DeviceKind[] | undefined) {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const kindOf = (code: string) => kinds?.find((k) => k.code === code);
  return {
    en,
    kindOf,
    kindName: (code: string) => {
      const kind = kindOf(code);
      return kind ? (en ? kind.name.en : kind.name.vi) : code;
    },
    keyName: (kind: DeviceKind | undefined, key: string) => {
      const k = kind?.keys.find((x) => x.key === key);
      return k ? (en ? k.nameEn : k.nameVi) : key;
    },
    keyUnit: (kind: DeviceKind | undefined, key: string) => kind?.keys.find((x) => x.key === key)?.unit ?? '',
  };
}

/** A reading as written on screen: Vietnamese decimals use a comma. */
export const formatNumber = (value: number, language: string) => value.toLocaleString(language.startsWith('en') ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
