import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { randomToken, sha256 } from '../../core/auth/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { findKind, listKinds, setProvisioning } from './repo.js';

// Device kinds: what each measures, and their self-provisioning.

/** Turns on self-provisioning for a kind: a new key and secret, the secret answered once. */
export async function enableProvisioning(options: { db: Db; actor: Actor; code: string; request?: FastifyRequest }) {
  const { db, actor, code, request } = options;
  if (!(await findKind(db, code))) throw notFound('code');
  const key = `${code.toLowerCase()}-${randomToken(6)}`;
  const secret = randomToken(18);
  await inTransaction(db, async (trx) => {
    await setProvisioning(trx, code, key, sha256(secret));
    await recordAudit(trx, actor, { action: 'device_kind.provisioning', entity: 'device_kind', entityId: null, after: { code, key } }, request);
  });
  return { key, secret };
}

export async function kindViews(db: Db) {
  return (await listKinds(db)).map((k) => ({
    code: k.code, name: { vi: k.name_vi, en: k.name_en }, intervalSeconds: k.interval_seconds, keys: k.keys, provisioning: k.provision_key !== null,
  }));
}
