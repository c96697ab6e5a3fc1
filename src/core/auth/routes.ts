import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isSecure } from '../../server/http.js';
import { destroySession, SESSION_COOKIE, SESSION_COOKIE_MAX_AGE_S } from './sessions.js';
import { changeOwnPassword, login } from './service.js';
import { getUserView, ZUserView } from '../users/index.js';
import { ACCESS, SYSTEM, type Actor, type UserActor } from '../access/index.js';
import { capabilitiesOf, ZCapabilities } from './capabilities.js';

/** The signed-in user, the CSRF token its unsafe requests carry, and what the interface may offer it. */
const ZMe = z.object({ user: ZUserView, csrfToken: z.string(), capabilities: ZCapabilities });

export async function authRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  // The route table is complete by the time a request comes: every module has registered its routes.
  const capabilities = (actor: Actor) => capabilitiesOf(appBase.routeTable, actor);
  // A capability naming a route that was renamed or removed stops the start, not the first sign-in.
  app.addHook('onReady', async () => void capabilities(SYSTEM));

  app.post('/api/auth/login', {
    config: { access: { public: true }, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      body: z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
      response: { 200: ZMe },
    },
  }, async (request, reply) => {
    const { session, actor } = await login(db, request.body, now(), request);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(request, app.ctx.config), maxAge: SESSION_COOKIE_MAX_AGE_S,
    });
    return { user: await getUserView(db, actor.id), csrfToken: session.csrfToken, capabilities: capabilities(actor) };
  });

  app.post('/api/auth/logout', {
    config: { access: ACCESS.anyAccount, csrf: false },
    schema: { tags: ['auth'], response: { 204: z.null() } },
  }, async (request, reply) => {
    const actor = request.user as UserActor;
    await destroySession(db, actor.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', {
    config: { access: ACCESS.anyAccount },
    schema: { tags: ['auth'], response: { 200: ZMe } },
  }, async (request) => {
    const actor = request.user as UserActor;
    return { user: await getUserView(db, actor.id), csrfToken: actor.csrfToken, capabilities: capabilities(actor) };
  });

  app.post('/api/auth/password', {
    config: { access: ACCESS.anyAccount, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }).strict(),
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await changeOwnPassword(db, request.user as UserActor, request.body, request);
    return reply.status(204).send(null);
  });
}
