import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TOKEN_POLICY } from './policy.js';
import { ZCreatedToken, ZCreateTokenBody, ZTokenParams, ZTokenView } from './schema.js';
import { createToken, listTokens, revokeToken } from './service.js';

export async function tokenRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['tokens'];

  app.get('/api/tokens', { config: { access: TOKEN_POLICY.list }, schema: { tags, response: { 200: z.array(ZTokenView) } } }, async () => listTokens(db));

  app.post('/api/tokens', {
    config: { access: TOKEN_POLICY.create },
    schema: { tags, body: ZCreateTokenBody, response: { 201: ZCreatedToken } },
  }, async (request, reply) => reply.status(201).send(await createToken({ db, actor: request.user!, input: request.body, request })));

  app.delete('/api/tokens/:id', {
    config: { access: TOKEN_POLICY.revoke },
    schema: { tags, params: ZTokenParams, response: { 200: ZTokenView } },
  }, async (request) => revokeToken({ db, actor: request.user!, id: request.params.id, now: now(), request }));
}
