import { ACCESS, type Access } from '../../core/access/index.js';

/**
 * Devices are read by every person (an officer, those of its units) and registered, changed and revoked by
 * administrators. Devices themselves send with their own token in the address, as ThingsBoard's HTTP API does:
 * those routes are public and the token is checked by the use case. Provisioning presents a kind's key and secret.
 */
export const DEVICE_POLICY = {
  read: ACCESS.readers(),
  manage: ACCESS.admins,
  device: { public: true },
} as const satisfies Record<string, Access>;

/** Intervals a device may miss before it is shown offline. */
export const MISSED_INTERVALS = 3;

export type DeviceStatus = 'online' | 'offline' | 'never' | 'revoked';

/** A device is online while it has reported within three of its kind's intervals. */
export function deviceStatus(d: { revokedAt: Date | null; lastSeenAt: Date | null }, intervalSeconds: number, now: Date): DeviceStatus {
  if (d.revokedAt) return 'revoked';
  if (!d.lastSeenAt) return 'never';
  return now.getTime() - d.lastSeenAt.getTime() <= MISSED_INTERVALS * intervalSeconds * 1000 ? 'online' : 'offline';
}

/** A token shows its first characters only, to tell tokens apart in a list. */
export const TOKEN_PREFIX_LENGTH = 6;
