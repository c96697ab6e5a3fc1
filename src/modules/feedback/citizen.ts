import type { Db } from '../../db/database.js';
import { actOnCase, findCaseByCode, updateCaseData } from '../../core/cases/index.js';
import { THINGS } from '../../server/error-codes/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { alreadyRated, CITIZEN, KIND, ratingOutcome } from './policy.js';
import type { RatingInput, SubscribeInput } from './schema.js';

// What a citizen does with a report after sending it: follow it, rate its answer.

const CITIZEN_BY = { kind: 'system', name: 'citizen' };

/**
 * The citizen rates the answer, once per answer. "Solved" closes the case; "not solved" within 7 days of the answer
 * reopens it for the unit (on its timeline); after that the rating is kept and the case closes.
 */
export async function rateReport({ db, code, input, now }: { db: Db; code: string; input: RatingInput; now: Date }) {
  const c = await findCaseByCode(db, KIND, code);
  if (!c) throw notFound('code');
  if (!c.answered_at || !['answered', 'closed'].includes(c.state)) throw new AppError('transition_refused', { action: 'rate', state: c.state }, 'code');
  const data = c.data as { ratings?: { answeredAt: string }[] };
  if (alreadyRated(data.ratings, c.answered_at)) throw new AppError('already_exists', { what: THINGS.rating }, 'code');
  const rating = { ...input, answeredAt: c.answered_at.toISOString(), at: now.toISOString() };
  // The timeline keeps the rating as figures (each reader's screen words them) and the citizen's comment as written.
  await updateCaseData({
    db, kind: KIND, id: c.id, data: { ...c.data, ratings: [...(data.ratings ?? []), rating] }, now,
    event: { by: CITIZEN_BY, action: 'rate', note: input.comment ?? null, data: { rating: input.rating, solved: input.solved } },
  });
  if (ratingOutcome({ solved: input.solved, answeredAt: c.answered_at, now }) === 'reopen') {
    // The unit hears why: the citizen's words, or the rating when there are none.
    await actOnCase(db, CITIZEN, c.id, { action: 'reopen', note: input.comment ?? `${input.rating}/5` }, now);
    return { state: 'in_progress' as const, reopened: true };
  }
  if (c.state === 'answered') await actOnCase(db, CITIZEN, c.id, { action: 'close' }, now);
  return { state: 'closed' as const, reopened: false };
}

/** A citizen follows an existing report instead of sending a duplicate; followers are told of the answer. */
export async function followReport({ db, code, input, now }: { db: Db; code: string; input: SubscribeInput; now: Date }) {
  const c = await findCaseByCode(db, KIND, code);
  if (!c) throw notFound('code');
  const followers = (c.data as { followers?: unknown[] }).followers ?? [];
  const follower = { email: input.email ?? null, phone: input.phone ?? null, consentAt: now.toISOString() };
  await updateCaseData({
    db, kind: KIND, id: c.id, data: { ...c.data, followers: [...followers, follower] }, now,
    event: { by: CITIZEN_BY, action: 'follow', data: { followers: followers.length + 1 } },
  });
  return { followers: followers.length + 1 };
}
