import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { JOB_POLICY } from './policy.js';
import { jobsWithRuns } from './repo.js';
import { ZJobs } from './schema.js';

export async function jobRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  app.get('/api/jobs', { config: { access: JOB_POLICY.read }, schema: { tags: ['jobs'], response: { 200: ZJobs } } }, async () => jobsWithRuns(app.ctx.db));
}
