import { timingSafeEqual } from 'node:crypto';
import { sha256 } from '../../core/auth/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { ZProvisionRequest, type ProvisionRequest } from './schema.js';
import { findKindByProvisionKey } from './repo.js';
import { createDevice } from './service.js';

export type ProvisionAnswer = { status: 'SUCCESS'; credentialsType: 'ACCESS_TOKEN'; credentialsValue: string } | { status: 'FAILURE'; errorMsg: string };

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * ThingsBoard's device provisioning: a device presents its name and its kind's provisioning key and secret, and gets
 * an access token. The device is registered without a place; an administrator places it.
 */
export async function provisionDevice(options: { db: Db; input: ProvisionRequest; now: Date }): Promise<string> {
  const { input } = options;
  const kind = await findKindByProvisionKey(options.db, input.provisionDeviceKey);
  if (!kind?.provision_secret_hash || !same(kind.provision_secret_hash, sha256(input.provisionDeviceSecret))) throw new AppError('provision_refused');
  const { token } = await createDevice({
    db: options.db, actor: { kind: 'system', name: 'provisioning' }, now: options.now, provisioned: true,
    input: { kind: kind.code, name: input.deviceName, location: null, ownerUnitId: null },
  });
  return token;
}

/** The same over MQTT, where the answer is a message: ThingsBoard's SUCCESS or FAILURE. */
export async function provisionOverMqtt(options: { db: Db; payload: Buffer; now: Date }): Promise<ProvisionAnswer> {
  let body: unknown;
  try {
    body = JSON.parse(options.payload.toString());
  } catch {
    return { status: 'FAILURE', errorMsg: 'malformed_json' };
  }
  const parsed = ZProvisionRequest.safeParse(body);
  if (!parsed.success) return { status: 'FAILURE', errorMsg: 'invalid request' };
  try {
    return { status: 'SUCCESS', credentialsType: 'ACCESS_TOKEN', credentialsValue: await provisionDevice({ db: options.db, input: parsed.data, now: options.now }) };
  } catch (err) {
    if (err instanceof AppError) return { status: 'FAILURE', errorMsg: err.code === 'already_exists' ? 'Device with this name already exists' : 'Provision data was not found!' };
    throw err;
  }
}
