import { ACCESS, type Access, type Actor } from '../../core/access/index.js';
import type { CaseState } from '../../core/cases/index.js';
import type { Role } from '../../db/schema.js';
import { publicWords } from './privacy.js';

/** The kind of case citizen feedback is, on the case engine. */
export const KIND = 'feedback';

/** Who may do what with feedback: citizens without an account, officers of the units, reviewers for the wording. */
export const FEEDBACK_POLICY = {
  citizens: { public: true },
  readers: ACCESS.signedIn,
  officers: ACCESS.officers,
  /** Answer templates are the unit's wording: administrators and reviewers keep them. */
  templateEditors: { roles: ['admin', 'reviewer'] as Role[] },
  routingEditors: ACCESS.admins,
} as const satisfies Record<string, Access>;

/** The actor of what a citizen does without an account. */
export const CITIZEN: Actor = { kind: 'system', name: 'citizen' };

/** Returned and merged reports are not shown to the public. */
export const HIDDEN_FROM_PUBLIC: CaseState[] = ['returned', 'merged'];

/** The public's three words for the states of a report. */
export const PUBLIC_STATUS: Record<'open' | 'answered' | 'closed', CaseState[]> = {
  open: ['received', 'routed', 'forwarded', 'accepted', 'in_progress'], answered: ['answered'], closed: ['closed'],
};

/** Only the answer and the reason for returning are worded for the public on a timeline; other steps show no note. */
/** The note of a public timeline step: an answer or a return is shown, masked as descriptions are; other notes are internal. */
export const publicNote = (e: { action: string; note: string | null }) => (e.action === 'answer' || e.action === 'return' ? publicWords(e.note) : null);

export const REOPEN_WINDOW_DAYS = 7;

/** "Not solved" within 7 days of the answer reopens the case; otherwise the rating closes it. */
export function ratingOutcome(input: { solved: boolean; answeredAt: Date; now: Date }): 'reopen' | 'close' {
  const withinWindow = input.now.getTime() - input.answeredAt.getTime() <= REOPEN_WINDOW_DAYS * 86_400_000;
  return !input.solved && withinWindow ? 'reopen' : 'close';
}

/** An answer is rated once: a rating is kept with the time of the answer it rates. */
export const alreadyRated = (ratings: { answeredAt: string }[] | undefined, answeredAt: Date) =>
  (ratings ?? []).some((r) => r.answeredAt === answeredAt.toISOString());

export const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
