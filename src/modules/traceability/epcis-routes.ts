import type { FastifyInstance } from 'fastify';

/** EPCIS 2.0 capture and query (being written). */
export async function epcisRoutes(_app: FastifyInstance): Promise<void> {}
