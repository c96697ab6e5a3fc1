import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../server/errors.js';
import { refusal } from '../access/index.js';
import { resolveToken } from '../tokens/index.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An API token from `Authorization: Bearer tsk_…`, or DHIS2's own `Authorization: ApiToken tsk_…` for its clients. */
function bearer(request: FastifyRequest): string | undefined {
  const match = /^(?:Bearer|ApiToken)\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * One gate for every route: it identifies the caller (API token or session cookie), then applies the route's
 * declared access. A route that declares nothing needs a signed-in user: forgetting a declaration fails closed.
 */
export async function authenticationPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request) => {
    const matched = request.routeOptions.url !== undefined;
    const access = request.routeOptions.config?.access ?? {};
    const { db, now } = app.ctx;

    const token = bearer(request);
    const cookie = request.cookies[SESSION_COOKIE];
    if (token) request.user = (await resolveToken(db, token, now())) ?? undefined;
    else if (cookie) request.user = (await resolveSession(db, cookie, now())) ?? undefined;

    if (!matched) return;
    const refused = refusal(access, request.user);
    if (refused?.code === 'unauthenticated') {
      throw new AppError('unauthenticated', {}, undefined, { headers: { 'www-authenticate': 'Bearer realm="tinhso"' } });
    }
    if (refused?.code === 'token_scope_missing') throw new AppError('token_scope_missing', { scope: refused.scope });
    if (refused) throw new AppError(refused.code);
    const actor = request.user;
    if (actor?.kind === 'user' && !access.public) {
      const csrfExempt = request.routeOptions.config?.csrf === false;
      if (!SAFE_METHODS.has(request.method) && !csrfExempt) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameSecret(sent, actor.csrfToken)) throw new AppError('csrf_invalid');
      }
    }
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false on the few unsafe routes where a forged request can do no harm (logout). */
    csrf?: boolean;
  }
}
