import type { FastifyRequest } from 'fastify';
import { actorName, assertUnitInScope, scopeUnitIds, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { randomToken, sha256 } from '../../core/auth/index.js';
import { emailRows, insertNotifications, type Notice } from '../../core/notify/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, alreadyExists, notFound } from '../../server/errors.js';
import { activeSubscriptionFor, ancestorsOf, endSubscription, insertSubscription, listSubscriptions, rehashSubscription, subscribersOf, unitNames, unsubscribe, type SubscriptionRow } from './repo.js';
import type { BulletinView } from './schema.js';

// Cooperatives and farmers who receive the area's bulletins by e-mail, the PDF attached, with a link that ends it.

async function views(db: Db, rows: SubscriptionRow[]) {
  const names = await unitNames(db, rows.map((r) => r.unit_id));
  return rows.map((r) => ({
    id: Number(r.id), name: r.name, email: r.email, unit: r.unit_id === null ? null : { id: Number(r.unit_id), name: names.get(Number(r.unit_id)) ?? '' }, locale: r.locale, createdAt: r.created_at,
  }));
}

export async function subscribe(options: { db: Db; actor: Actor; input: { name: string; email: string; unitId: number | null; locale: 'vi' | 'en' }; now: Date; request?: FastifyRequest }) {
  const { db, actor, input, now, request } = options;
  if (input.unitId !== null) await assertUnitInScope(db, actor, input.unitId, 'unitId');
  else if (await scopeUnitIds(db, actor)) throw new AppError('out_of_scope', {}, 'unitId');
  return inTransaction(db, async (trx) => {
    if (await activeSubscriptionFor(trx, input.email, input.unitId)) throw alreadyExists(input.email, 'email');
    const row = await insertSubscription(trx, {
      name: input.name, email: input.email, unit_id: input.unitId, locale: input.locale, unsubscribe_hash: sha256(randomToken(24)), created_by: actorName(actor), created_at: now,
    });
    await recordAudit(trx, actor, { action: 'agri_subscription.create', entity: 'agri_subscription', entityId: row.id, after: { name: input.name, unitId: input.unitId } }, request);
    return (await views(trx, [row]))[0]!;
  });
}

export async function subscriptionsFor(db: Db, actor: Actor) {
  const scope = await scopeUnitIds(db, actor);
  return { subscriptions: await views(db, await listSubscriptions(db, scope ? [...scope] : null)) };
}

export async function cancelSubscription(options: { db: Db; actor: Actor; id: number; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, now, request } = options;
  return inTransaction(db, async (trx) => {
    const row = await endSubscription(trx, id, now);
    if (!row) throw notFound('id');
    if (row.unit_id !== null) await assertUnitInScope(trx, actor, Number(row.unit_id));
    else if (await scopeUnitIds(trx, actor)) throw new AppError('out_of_scope');
    await recordAudit(trx, actor, { action: 'agri_subscription.cancel', entity: 'agri_subscription', entityId: id, before: { name: row.name } }, request);
  });
}

/** The link in an e-mail: whoever holds it ends that subscription, once. */
export async function unsubscribeByToken(db: Db, token: string, now: Date) {
  const row = await unsubscribe(db, sha256(token), now);
  if (!row) throw new AppError('unsubscribe_unknown');
  return { name: row.name };
}

/**
 * E-mails a published bulletin to the subscribers of its area — of its unit, of the units above it, of the communes
 * of its windows, and of the whole province — each with its own unsubscribe link and the PDF in its language.
 */
export async function tellSubscribers(db: Db, bulletin: BulletinView, publicUrl: string): Promise<number> {
  const units = [bulletin.unit.id, ...(await ancestorsOf(db, bulletin.unit.id)), ...bulletin.windows.map((w) => w.unit.id)];
  const subscribers = await subscribersOf(db, [...new Set(units)]);
  for (const s of subscribers) {
    // A fresh token per e-mail: only its hash is kept, so the link in the mail is the one way to use it.
    const token = randomToken(24);
    await rehashSubscription(db, Number(s.id), sha256(token));
    const link = `${publicUrl}/cong-dan/nong-nghiep/ban-tin/${bulletin.id}`;
    // The link opens the citizen app's page, which asks before it posts: a mail scanner following links ends nothing.
    const stop = `${publicUrl}/cong-dan/nong-nghiep/huy-nhan?token=${token}`;
    const lines = (l: 'vi' | 'en') => bulletin.windows.map((w) => `• ${w.unit.name}: ${w.from} → ${w.to}`).join('\n') + '\n' + (l === 'vi' ? `Xem: ${link}\nHủy nhận tin: ${stop}` : `Read: ${link}\nUnsubscribe: ${stop}`);
    const notice: Notice = {
      event: 'agronomy.bulletin', subject: { vi: bulletin.title, en: `Sowing calendar: ${bulletin.season}` },
      body: { vi: `${bulletin.title}\n${lines('vi')}`, en: `${bulletin.title}\n${lines('en')}` },
      payload: { bulletinId: bulletin.id, link, attachments: [{ provider: 'agronomy.bulletin', ref: { id: bulletin.id, lang: s.locale } }] },
    };
    await insertNotifications(db, emailRows([s.email], notice));
  }
  return subscribers.length;
}

/**
 * Tells the subscribers of a commune (and of the units above it) that salinity passed their fields' limit, with the
 * advice: the cooperatives open and close their own sluices and pumps. One e-mail per alert, in both languages.
 */
export async function warnSubscribers(db: Db, unitId: number, warning: { subject: { vi: string; en: string }; advice?: { vi: string; en: string }; link: string }): Promise<number> {
  const subscribers = await subscribersOf(db, [unitId, ...(await ancestorsOf(db, unitId))]);
  if (!subscribers.length) return 0;
  const notice: Notice = {
    event: 'agronomy.salinity', subject: warning.subject,
    body: { vi: `${warning.subject.vi}\n${warning.advice?.vi ?? ''}\n${warning.link}`, en: `${warning.subject.en}\n${warning.advice?.en ?? ''}\n${warning.link}` },
    payload: { link: warning.link },
  };
  await insertNotifications(db, emailRows(subscribers.map((s) => s.email), notice));
  return subscribers.length;
}
