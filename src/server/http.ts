import type { FastifyRequest } from 'fastify';
import type { Config } from './config.js';

/** Secure cookies when configured, or automatically when the request came over HTTPS (directly or via a proxy). */
export function isSecure(request: FastifyRequest, config: Config): boolean {
  if (config.cookieSecure !== 'auto') return config.cookieSecure;
  return request.protocol === 'https';
}
