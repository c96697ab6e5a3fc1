import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSignature } from '../../src/core/notify/index.js';
import { admin, deliver, report, send, useNotificationsApp } from './setup.js';

const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let failNext = 0;
let hook: http.Server;
let hookUrl: string;

useNotificationsApp();
beforeAll(async () => {
  hook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/tinhso`;
});
afterAll(() => hook?.close());

describe('notifications', () => {
  it('calls a webhook with a signed body, retries a failure later, and shows the delivery log to administrators', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/webhooks', payload: { name: 'Hệ thống 1022', url: hookUrl, events: ['case.received', 'case.answered'] } });
    expect(created.statusCode, created.body).toBe(201);
    const secret = created.json().secret as string;
    await deliver();
    received.length = 0;
    failNext = 1;
    const { trackingCode } = (await send(report())).json();
    const now = new Date();
    expect(await deliver(now)).toMatchObject({ failed: 0 });
    expect(received).toHaveLength(0);
    const pending = (await admin.request({ method: 'GET', url: '/api/notifications/outbox?state=pending' })).json();
    expect(pending.find((n: { channel: string }) => n.channel === 'webhook')).toMatchObject({ attempts: 1, lastError: 'HTTP 503', recipient: hookUrl });
    await deliver(new Date(now.getTime() + 61_000));
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['x-tinhso-event']).toBe('case.received');
    expect(headers['x-tinhso-signature']).toBe(webhookSignature(secret, body));
    expect(JSON.parse(body)).toMatchObject({ event: 'case.received', data: { trackingCode, state: 'routed', link: `https://tinhso.soctrang.gov.vn/cong-dan?ma=${trackingCode}` } });
    expect(body).not.toMatch(/Trần Thị Hoa|hoa@example/i);
    const bad = await admin.request({ method: 'POST', url: '/api/webhooks', payload: { name: 'x', url: 'ftp://example.org', events: ['case.nope'] } });
    expect(bad.statusCode).toBe(400);
    expect((await admin.request({ method: 'DELETE', url: `/api/webhooks/${created.json().id}` })).statusCode).toBe(204);
  });

  it('gives up on a webhook after six failures and marks the delivery failed', async () => {
    const created = (await admin.request({ method: 'POST', url: '/api/webhooks', payload: { name: 'Hỏng', url: 'http://127.0.0.1:9/closed', events: ['*'] } })).json();
    await send(report());
    let at = new Date();
    for (let i = 0; i < 6; i++) {
      await deliver(at);
      at = new Date(at.getTime() + 3600_000);
    }
    const failed = (await admin.request({ method: 'GET', url: '/api/notifications/outbox?state=failed' })).json();
    expect(failed.some((n: { recipient: string; attempts: number }) => n.recipient === 'http://127.0.0.1:9/closed' && n.attempts === 6)).toBe(true);
    await admin.request({ method: 'DELETE', url: `/api/webhooks/${created.id}` });
  });
});
