import type { Db } from '../db/database.js';
import type { Config } from './config.js';

/** What every route and job needs: the database, the settings, and a clock tests can move. */
export interface AppContext {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
