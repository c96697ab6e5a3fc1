import type { FastifyInstance } from 'fastify';

/** Places, products, certificates, lots, serials and labels (being written). */
export async function catalogueRoutes(_app: FastifyInstance): Promise<void> {}
