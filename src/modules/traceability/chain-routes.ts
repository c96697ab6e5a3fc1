import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDownload } from '../../server/replies.js';
import { ZFileReply } from '../../core/validation/index.js';
import { exportChain, producerIntegrity, publicKey } from './integrity.js';
import { TRACE_POLICY } from './policy.js';
import { producerInScope } from './producers.js';
import { ZIdParam } from './schema.js';

// Tamper evidence: a producer's chain re-checked in the store, its export for anyone to re-check, and the public key.

const ZFault = z.object({ seq: z.number(), eventId: z.string(), fault: z.enum(['hash_id', 'link', 'prev', 'seq']) });
export const ZIntegrity = z.object({
  intact: z.boolean(), events: z.number(), head: z.string(), headMatches: z.boolean(), faults: z.array(ZFault),
  checkpoints: z.array(z.object({ seq: z.number(), valid: z.boolean(), matches: z.boolean() })),
});
export type Integrity = z.infer<typeof ZIntegrity>;
const ZKey = z.object({ keyId: z.string(), algorithm: z.literal('Ed25519'), publicKeyPem: z.string() });

export async function chainRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const tags = ['traceability'];
  app.get('/api/traceability/producers/:id/integrity', { config: { access: TRACE_POLICY.read }, schema: { tags, params: ZIdParam, response: { 200: ZIntegrity } } },
    async (request) => producerIntegrity(db, Number((await producerInScope(db, request.user!, request.params.id)).id)));
  app.get('/api/traceability/producers/:id/chain', {
    config: { access: TRACE_POLICY.read },
    schema: { tags, params: ZIdParam, response: { 200: ZFileReply }, description: 'The producer\'s chain (format tinhso-chain/1): re-check it with `npm run cli -- trace verify FILE`.' },
  }, async (request, reply) => {
    const producer = await producerInScope(db, request.user!, request.params.id);
    const chain = await exportChain(db, Number(producer.id));
    return sendDownload(reply, { type: 'application/json', name: `chuoi-truy-xuat-${producer.id}.json`, body: JSON.stringify(chain) });
  });
  app.get('/api/public/traceability/key', { config: { access: TRACE_POLICY.public }, schema: { tags, response: { 200: ZKey } } }, async () => publicKey(db));
}
