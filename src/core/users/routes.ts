import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../access/index.js';
import { ROLES, ZUserCreate, ZUserUpdate, ZUserView, createUser, getUserInScope, listUsers, setUserPassword, unlockUser, updateUser } from './service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });

export async function userRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  app.get('/api/users', {
    config: { access: ACCESS.signedIn },
    schema: {
      tags: ['users'],
      querystring: z.object({
        q: z.string().max(100).optional(),
        role: z.enum(ROLES).optional(),
        orgUnitId: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: z.object({ items: z.array(ZUserView), total: z.number() }) },
    },
  }, async (request) => listUsers(db, request.user!, request.query));

  app.get('/api/users/:id', {
    config: { access: ACCESS.signedIn },
    schema: { tags: ['users'], params: ZId, response: { 200: ZUserView } },
  }, async (request) => getUserInScope(db, request.user!, request.params.id));

  app.post('/api/users', {
    config: { access: ACCESS.admins },
    schema: { tags: ['users'], body: ZUserCreate, response: { 201: ZUserView } },
  }, async (request, reply) => reply.status(201).send(await createUser(db, request.user!, request.body, request)));

  app.patch('/api/users/:id', {
    config: { access: ACCESS.admins },
    schema: { tags: ['users'], params: ZId, body: ZUserUpdate, response: { 200: ZUserView } },
  }, async (request) => updateUser(db, request.user!, request.params.id, request.body, request));

  app.post('/api/users/:id/password', {
    config: { access: ACCESS.admins },
    schema: { tags: ['users'], params: ZId, body: z.object({ password: z.string().min(1).max(200) }).strict(), response: { 204: z.null() } },
  }, async (request, reply) => {
    await setUserPassword(db, request.user!, request.params.id, request.body.password, request);
    return reply.status(204).send(null);
  });

  app.post('/api/users/:id/unlock', {
    config: { access: ACCESS.admins },
    schema: { tags: ['users'], params: ZId, response: { 200: ZUserView } },
  }, async (request) => unlockUser(db, request.user!, request.params.id, request));
}
