import type { FastifyRequest } from 'fastify';
import { actorName, assertUnitInScope, scopeUnitIds, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import crypto from 'node:crypto';
import { randomToken, sha256 } from '../../core/auth/index.js';
import { ensureSetting } from '../../server/settings.js';
import { emailRows, insertNotifications, type Notice } from '../../core/notify/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, alreadyExists, notFound } from '../../server/errors.js';
import { activeSubscriptionFor, ancestorsOf, endSubscription, insertSubscription, listSubscriptions, rehashSubscription, subscribersOf, unitExists, unitNames, unsubscribe, type SubscriptionRow } from './repo.js';
import type { BulletinView } from './schema.js';
import { solarAndLunar } from './wording.js';

const windowText = (w: { from: string; to: string }, locale: 'vi' | 'en') => `${solarAndLunar(w.from, locale)} – ${solarAndLunar(w.to, locale)}`;

// Cooperatives and farmers who receive the area's bulletins by e-mail, the PDF attached, with a link that ends it.

/**
 * A subscription's unsubscribe token: the same in every e-mail (an old e-mail's link keeps working), made from the
 * subscription's id with a secret of the platform's, so only its hash is kept and nobody can make one for another id.
 */
async function unsubscribeToken(db: Db, id: number): Promise<string> {
  const secret = await ensureSetting(db, 'agronomy.unsubscribe_secret', () => randomToken(32));
  return `${id}-${crypto.createHmac('sha256', secret).update(`unsubscribe:${id}`).digest('base64url').slice(0, 32)}`;
}

async function views(db: Db, rows: SubscriptionRow[]) {
  const names = await unitNames(db, rows.map((r) => r.unit_id));
  return rows.map((r) => ({
    id: Number(r.id), name: r.name, email: r.email, unit: r.unit_id === null ? null : { id: Number(r.unit_id), name: names.get(Number(r.unit_id)) ?? '' }, locale: r.locale, createdAt: r.created_at,
  }));
}

export async function subscribe(options: { db: Db; actor: Actor; input: { name: string; email: string; unitId: number | null; locale: 'vi' | 'en' }; now: Date; request?: FastifyRequest }) {
  const { db, actor, input, now, request } = options;
  if (input.unitId !== null && !(await unitExists(db, input.unitId))) throw new AppError('reference_not_found', { field: 'unitId' }, 'unitId');
  if (input.unitId !== null) await assertUnitInScope(db, actor, input.unitId, 'unitId');
  else if (await scopeUnitIds(db, actor)) throw new AppError('out_of_scope', {}, 'unitId');
  return inTransaction(db, async (trx) => {
    if (await activeSubscriptionFor(trx, input.email, input.unitId)) throw alreadyExists(input.email, 'email');
    // Inserted with a placeholder hash, then given the hash of its stable token (which needs its id).
    const row = await insertSubscription(trx, {
      name: input.name, email: input.email, unit_id: input.unitId, locale: input.locale, unsubscribe_hash: sha256(randomToken(24)), created_by: actorName(actor), created_at: now,
    });
    if (!row) throw alreadyExists(input.email, 'email');
    await rehashSubscription(trx, Number(row.id), sha256(await unsubscribeToken(trx, Number(row.id))));
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

/** The link in an e-mail: the citizen app's page, which asks before it posts (a mail scanner following links ends nothing). */
const stopLink = async (db: Db, id: number, publicUrl: string) => `${publicUrl}/cong-dan/nong-nghiep/huy-nhan?token=${await unsubscribeToken(db, id)}`;

/**
 * E-mails a published bulletin to the subscribers of its area — of its unit, of the units above it, of the communes
 * of its windows, and of the whole province — each with its own unsubscribe link and the PDF in its language.
 */
export async function tellSubscribers(db: Db, bulletin: BulletinView, publicUrl: string): Promise<number> {
  const units = [bulletin.unit.id, ...(await ancestorsOf(db, bulletin.unit.id)), ...bulletin.windows.map((w) => w.unit.id)];
  const subscribers = await subscribersOf(db, [...new Set(units)]);
  for (const s of subscribers) {
    const link = `${publicUrl}/cong-dan/nong-nghiep/ban-tin/${bulletin.id}`;
    const lines = (l: 'vi' | 'en') => bulletin.windows.map((w) => `• ${w.unit.name}: ${windowText(w, l)}`).join('\n');
    const stop = await stopLink(db, Number(s.id), publicUrl);
    const notice: Notice = {
      event: 'agronomy.bulletin', subject: { vi: bulletin.title, en: `Sowing calendar: ${bulletin.season}` },
      body: { vi: `${bulletin.title}\n${lines('vi')}\nXem: ${link}\nHủy nhận tin: ${stop}`, en: `${bulletin.title}\n${lines('en')}\nRead: ${link}\nUnsubscribe: ${stop}` },
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
export async function warnSubscribers(db: Db, unitId: number, warning: { subject: { vi: string; en: string }; advice?: { vi: string; en: string }; link: string; publicUrl: string }): Promise<number> {
  const subscribers = await subscribersOf(db, [unitId, ...(await ancestorsOf(db, unitId))]);
  for (const s of subscribers) {
    const stop = await stopLink(db, Number(s.id), warning.publicUrl);
    const notice: Notice = {
      event: 'agronomy.salinity', subject: warning.subject,
      body: { vi: `${warning.subject.vi}\n${warning.advice?.vi ?? ''}\n${warning.link}\nHủy nhận tin: ${stop}`, en: `${warning.subject.en}\n${warning.advice?.en ?? ''}\n${warning.link}\nUnsubscribe: ${stop}` },
      payload: { link: warning.link },
    };
    await insertNotifications(db, emailRows([s.email], notice));
  }
  return subscribers.length;
}
