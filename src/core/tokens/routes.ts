import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../access/index.js';
import { nameText } from '../validation/index.js';
import { TOKEN_SCOPES, createToken, listTokens, revokeToken } from './service.js';

const ZTokenView = z.object({
  id: z.number(), name: z.string(), prefix: z.string(), scopes: z.array(z.string()), orgUnitId: z.number().nullable(), createdBy: z.string(),
  createdAt: z.date(), expiresAt: z.date().nullable(), lastUsedAt: z.date().nullable(), revokedAt: z.date().nullable(),
});
const admins = ACCESS.admins;

export async function tokenRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;

  app.get('/api/tokens', { config: { access: admins }, schema: { tags: ['tokens'], response: { 200: z.array(ZTokenView) } } }, async () => listTokens(db));

  app.post('/api/tokens', {
    config: { access: admins },
    schema: {
      tags: ['tokens'],
      body: z.object({
        name: nameText(100),
        scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
        orgUnitId: z.number().int().positive().nullable().optional(),
        expiresAt: z.coerce.date().nullable().optional(),
      }).strict(),
      response: { 201: z.object({ token: z.string(), view: ZTokenView }) },
    },
  }, async (request, reply) => reply.status(201).send(await createToken(db, request.user!, request.body, request)));

  app.delete('/api/tokens/:id', {
    config: { access: admins },
    schema: { tags: ['tokens'], params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: ZTokenView } },
  }, async (request) => revokeToken(db, request.user!, request.params.id, now(), request));
}
