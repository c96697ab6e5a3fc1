import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { USER_POLICY } from './policy.js';
import { ZPasswordBody, ZUserCreate, ZUserListQuery, ZUserPage, ZUserParams, ZUserUpdate, ZUserView } from './schema.js';
import { createUser, getUserInScope, listUsers, setUserPassword, unlockUser, updateUser } from './service.js';

export async function userRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  app.get('/api/users', {
    config: { access: USER_POLICY.read },
    schema: {
      tags: ['users'],
      querystring: ZUserListQuery,
      response: { 200: ZUserPage },
    },
  }, async (request) => listUsers(db, request.user!, request.query));

  app.get('/api/users/:id', {
    config: { access: USER_POLICY.read },
    schema: { tags: ['users'], params: ZUserParams, response: { 200: ZUserView } },
  }, async (request) => getUserInScope(db, request.user!, request.params.id));

  app.post('/api/users', {
    config: { access: USER_POLICY.manage },
    schema: { tags: ['users'], body: ZUserCreate, response: { 201: ZUserView } },
  }, async (request, reply) => reply.status(201).send(await createUser(db, request.user!, request.body, request)));

  app.patch('/api/users/:id', {
    config: { access: USER_POLICY.manage },
    schema: { tags: ['users'], params: ZUserParams, body: ZUserUpdate, response: { 200: ZUserView } },
  }, async (request) => updateUser(db, request.user!, request.params.id, request.body, request));

  app.post('/api/users/:id/password', {
    config: { access: USER_POLICY.manage },
    schema: { tags: ['users'], params: ZUserParams, body: ZPasswordBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await setUserPassword(db, request.user!, request.params.id, request.body.password, request);
    return reply.status(204).send(null);
  });

  app.post('/api/users/:id/unlock', {
    config: { access: USER_POLICY.manage },
    schema: { tags: ['users'], params: ZUserParams, response: { 200: ZUserView } },
  }, async (request) => unlockUser(db, request.user!, request.params.id, request));
}
