import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAlertPage } from '../../core/alerts/index.js';
import { ZScorecard } from '../scorecard/index.js';
import { startRuleEngine } from './engine.js';
import { iocMapRoutes } from './map/routes.js';
import { iocPanelRoutes } from './panels/index.js';
import { IOC_POLICY } from './policy.js';
import { ZOverviewQuery, ZRuleId, ZRuleInput, ZRuleView } from './schema.js';
import { iocOverview, removeRule, rules, saveRule } from './service.js';

const ZOverview = ZScorecard.pick({ unit: true, history: true, years: true, pillars: true }).extend({
  asOf: z.string(),
  structure: z.array(z.object({ level: z.string(), type: z.string(), count: z.number() })),
  alerts: ZAlertPage,
});

export async function iocRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['ioc'];

  // Rules are evaluated as values change, in every process; the engine follows the live stream from start to close.
  let stop: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stop = await startRuleEngine(db, now, (err) => app.log.error({ err }, 'rule evaluation failed'));
  });
  app.addHook('onClose', async () => stop?.());
  await app.register(iocMapRoutes);
  await app.register(iocPanelRoutes);

  app.get('/api/ioc/overview', { config: { access: IOC_POLICY.read }, schema: { tags, querystring: ZOverviewQuery, response: { 200: ZOverview } } },
    async (request) => iocOverview({ db, actor: request.user!, query: request.query, now: now() }));

  app.get('/api/ioc/rules', { config: { access: IOC_POLICY.read }, schema: { tags, response: { 200: z.array(ZRuleView) } } }, async () => rules(db));

  app.post('/api/ioc/rules', { config: { access: IOC_POLICY.configure }, schema: { tags, body: ZRuleInput, response: { 201: ZRuleView } } },
    async (request, reply) => reply.status(201).send(await saveRule({ db, actor: request.user!, input: request.body, now: now(), request })));

  app.put('/api/ioc/rules/:id', { config: { access: IOC_POLICY.configure }, schema: { tags, params: ZRuleId, body: ZRuleInput, response: { 200: ZRuleView } } },
    async (request) => saveRule({ db, actor: request.user!, id: request.params.id, input: request.body, now: now(), request }));

  app.delete('/api/ioc/rules/:id', { config: { access: IOC_POLICY.configure }, schema: { tags, params: ZRuleId, response: { 200: ZRuleView } } },
    async (request) => removeRule({ db, actor: request.user!, id: request.params.id, now: now(), request }));
}
