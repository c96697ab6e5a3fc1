import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { ISSUE_MESSAGES } from '../../server/messages.js';
import { ingestAttributes } from './attributes.js';
import { ingestTelemetry } from './ingest.js';
import { DEVICE_POLICY } from './policy.js';
import { provisionDevice } from './provision.js';
import { ZAccepted, ZAttributesAccepted, ZProvisioned, ZProvisionRequest, ZTokenParam } from './schema.js';
import { deviceForToken } from './tokens.js';
import { writerFor } from './transport.js';

/** The routes devices call themselves (ThingsBoard's HTTP device API): their token in the address. */
export async function telemetryRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, dbKind, now } = app.ctx;
  const tags = ['devices'];
  const writer = writerFor(db, dbKind);

  app.post('/api/v1/:token/telemetry', {
    config: { access: DEVICE_POLICY.device },
    schema: {
      tags, params: ZTokenParam, body: z.unknown().describe('{"key": value}, {"ts": ms, "values": {...}}, or an array of either (ThingsBoard)'),
      response: { 200: ZAccepted },
      description: 'A device posts its readings with its access token in the address; answered once they are committed. A repeat of a reading (same key and time) is stored once.',
    },
  }, async (request) => {
    const device = await deviceForToken(db, request.params.token);
    if (!device) throw new AppError('device_token_invalid');
    const result = await ingestTelemetry(writer, device, request.body, now());
    if (!result.ok) throw new AppError('telemetry_refused', { reason: result.reason });
    return { stored: result.readings, received: result.readings };
  });

  app.post('/api/v1/:token/attributes', {
    config: { access: DEVICE_POLICY.device },
    schema: {
      tags, params: ZTokenParam, body: z.unknown().describe('{"name": text | number | true/false, ...}: 1 to 50 client-side attributes (ThingsBoard)'),
      response: { 200: ZAttributesAccepted },
      description: 'A device posts what it says about itself (firmware, lamp colour…), merged into its attributes; text belongs here, not in telemetry.',
    },
  }, async (request) => {
    const device = await deviceForToken(db, request.params.token);
    if (!device) throw new AppError('device_token_invalid');
    const result = await ingestAttributes(db, writer, device, request.body, now());
    if (!result.ok) {
      const reason = ISSUE_MESSAGES[result.reason] ?? { vi: result.reason, en: result.reason };
      throw new AppError('attributes_refused', { reason, key: result.key ? ` (${result.key.slice(0, 60)})` : '' }, result.key);
    }
    return { attributes: Object.keys(result.attributes).length };
  });

  app.post('/api/v1/provision', {
    config: { access: DEVICE_POLICY.device },
    schema: { tags, body: ZProvisionRequest, response: { 200: ZProvisioned }, description: "Self-provisioning with a device kind's key and secret (ThingsBoard's): answers the new device's access token." },
  }, async (request) => ({
    status: 'SUCCESS' as const, credentialsType: 'ACCESS_TOKEN' as const, credentialsValue: await provisionDevice({ db, input: request.body, now: now() }),
  }));
}
