import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEVICE_POLICY } from './policy.js';
import { latestReadings, readingSeries } from './telemetry-repo.js';
import { telemetryRoutes } from './telemetry-routes.js';
import {
  ZDeviceId, ZDeviceInput, ZDeviceQuery, ZDeviceUpdate, ZDeviceView, ZDeviceWithToken, ZKindCode, ZKindView, ZLatest, ZProvisioning, ZSeries, ZSeriesQuery,
} from './schema.js';
import {
  changeDevice, createDevice, deviceViews, listDevices, removeDevice, replaceDeviceToken, revokeDevice, visibleDevice,
} from './service.js';
import { enableProvisioning, kindViews } from './kinds.js';

export async function deviceRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['devices'];
  const read = { access: DEVICE_POLICY.read };
  const manage = { access: DEVICE_POLICY.manage };
  await app.register(telemetryRoutes);

  app.get('/api/device-kinds', { config: read, schema: { tags, response: { 200: z.array(ZKindView) } } }, async () => kindViews(db));
  app.post('/api/device-kinds/:code/provisioning', { config: manage, schema: { tags, params: ZKindCode, response: { 200: ZProvisioning } } },
    async (request) => enableProvisioning({ db, actor: request.user!, code: request.params.code, request }));

  app.get('/api/devices', { config: read, schema: { tags, querystring: ZDeviceQuery, response: { 200: z.array(ZDeviceView) } } },
    async (request) => listDevices({ db, actor: request.user!, query: request.query, now: now() }));
  app.post('/api/devices', { config: manage, schema: { tags, body: ZDeviceInput, response: { 201: ZDeviceWithToken } } },
    async (request, reply) => reply.status(201).send(await createDevice({ db, actor: request.user!, input: request.body, now: now(), request })));
  app.get('/api/devices/:id', { config: read, schema: { tags, params: ZDeviceId, response: { 200: ZDeviceView } } },
    async (request) => (await deviceViews(db, [await visibleDevice(db, request.user!, request.params.id)], now()))[0]!);
  app.patch('/api/devices/:id', { config: manage, schema: { tags, params: ZDeviceId, body: ZDeviceUpdate, response: { 200: ZDeviceView } } },
    async (request) => changeDevice({ db, actor: request.user!, id: request.params.id, input: request.body, now: now(), request }));
  app.delete('/api/devices/:id', { config: manage, schema: { tags, params: ZDeviceId, response: { 200: ZDeviceView } } },
    async (request) => removeDevice({ db, actor: request.user!, id: request.params.id, now: now(), request }));
  app.post('/api/devices/:id/revoke', { config: manage, schema: { tags, params: ZDeviceId, response: { 200: ZDeviceView } } },
    async (request) => revokeDevice({ db, actor: request.user!, id: request.params.id, now: now(), request }));
  app.post('/api/devices/:id/token', { config: manage, schema: { tags, params: ZDeviceId, response: { 200: ZDeviceWithToken } } },
    async (request) => replaceDeviceToken({ db, actor: request.user!, id: request.params.id, now: now(), request }));

  app.get('/api/devices/:id/latest', { config: read, schema: { tags, params: ZDeviceId, response: { 200: ZLatest } } },
    async (request) => latestReadings(db, Number((await visibleDevice(db, request.user!, request.params.id)).id)));
  app.get('/api/devices/:id/series', { config: read, schema: { tags, params: ZDeviceId, querystring: ZSeriesQuery, response: { 200: ZSeries } } }, async (request) => {
    const device = await visibleDevice(db, request.user!, request.params.id);
    const { key, from, to, resolution, limit } = request.query;
    return { key, resolution, points: await readingSeries(db, { deviceId: Number(device.id), key, from, to, resolution, limit }) };
  });
}
