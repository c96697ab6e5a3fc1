import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError } from '../../../server/errors.js';
import { type Actor, actorName } from '../../access/index.js';
import { auditRow } from '../../audit/index.js';
import { vnDate } from '../../calendar/index.js';
import { storePhotos, type ProcessedPhoto } from '../media.js';
import { getCaseRow } from '../repo.js';
import { citizenAddresses, composeCaseNotices } from '../notices.js';
import { STALE, withReference, type CaseReference } from '../reference.js';
import { activeCategory, type CaseCategory } from '../settings-repo.js';
import type { CaseState } from '../state-machine.js';
import { writeOpenedCase } from '../writer.js';

/** A tracking code a citizen can read out on the phone: no 0/O or 1/I, 8 random characters. */
export function trackingCode(prefix: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = crypto.randomBytes(8);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${prefix}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export interface OpenCaseInput {
  kind: string;
  category: CaseCategory;
  description: string;
  title?: string | null;
  channel: string;
  placeUnitId?: number | null;
  unitId?: number | null;
  lat?: number | null;
  lon?: number | null;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  data?: Record<string, unknown>;
  /** Photos already checked and re-encoded (see media.ts), stored with the case in its transaction. */
  photos?: ProcessedPhoto[];
  /** The id the sender made for this report (a UUID): the same id again names the same case (see replayedCase). */
  clientRef?: string | null;
}

/** An active category of a kind, or a 400 naming the field. */
export async function getCategory(db: Db, kind: string, code: string): Promise<CaseCategory> {
  const row = await activeCategory(db, kind, code);
  if (!row) throw new AppError('reference_not_found', {}, 'category');
  return row;
}

/**
 * A received case, or STALE when the reference changed under the intake and it must be tried again. `created` is
 * false when the sender's client_ref already named a case: that case is answered and nothing was written.
 */
export interface OpenedCase { id: number; trackingCode: string; state: CaseState; dueDate: string; created: boolean; unitId: number | null }

/**
 * Receives a case: its deadline is the category's number of working days after the day it was received, on the
 * working calendar (public holidays, lunar Tết, make-up days). When the unit is already known it is routed at once.
 *
 * The case, its first timeline events, the audit row and the messages to the unit's officers, the citizen and
 * subscribed systems are written by the SQL function case_open (migration 0011, through writer.ts), guarded by the
 * version of the reference they were computed from (see reference.ts): one round trip, atomic by itself, and
 * nothing at all when the reference changed meanwhile.
 */
export async function openCase(db: Db, ref: CaseReference, actor: Actor, input: OpenCaseInput, now: Date, request?: FastifyRequest): Promise<OpenedCase | typeof STALE> {
  const cat = input.category;
  const dueDate = ref.calendar.addWorkingDays(vnDate(now), cat.deadline_working_days);
  const code = trackingCode(input.kind.slice(0, 2).toUpperCase());
  const state: CaseState = input.unitId ? 'routed' : 'received';
  const data = input.data ?? {};
  const who = { actor_kind: actor.kind, actor_name: actorName(actor) };
  const events = [
    { ...who, action: 'receive', from_state: null, to_state: 'received', unit_id: null, data: { kind: input.kind, channel: input.channel, dueDate, legalBasis: cat.legal_basis, photos: input.photos?.length ?? 0 } },
    ...(input.unitId ? [{ ...who, action: 'route', from_state: 'received', to_state: 'routed', unit_id: input.unitId, data: { kind: input.kind } }] : []),
  ];
  const audit = auditRow(actor, { action: 'case.open', entity: 'case_record', after: { ...input, category: cat.code, photos: input.photos?.length ?? 0, dueDate } }, request);
  const unitId = input.unitId ?? null;
  const facts = { id: 0, kind: input.kind, tracking_code: code, state, category_code: cat.code, category_vi: cat.name_vi, category_en: cat.name_en, unit_id: unitId, unit: unitId ? ref.unit(unitId)?.name ?? null : null, due_date: dueDate, public_answer: null, data };
  const notices = composeCaseNotices(facts, 'received', { officers: ref.officersOf(unitId), webhooks: ref.webhooks, citizens: citizenAddresses(data) });
  const write = async (trx: Db) => {
    const doc = {
      case: {
        kind: input.kind, tracking_code: code, category_code: cat.code, state, title: input.title ?? null, description: input.description, channel: input.channel,
        place_unit_id: input.placeUnitId ?? null, unit_id: unitId, priority: input.priority ?? 'normal', lat: input.lat ?? null, lon: input.lon ?? null,
        received_at: now.toISOString(), due_date: dueDate, data, client_ref: input.clientRef ?? null,
      },
      events: events.map((e) => ({ ...e, at: now.toISOString() })),
      audit: { ...audit, at: now.toISOString(), after: audit.after === null ? null : JSON.parse(audit.after) },
      notifications: notices.map((r) => ({ ...r, payload: JSON.parse(r.payload as string) })),
    };
    const written = await writeOpenedCase(trx, doc, ref.version);
    if (written === null) return STALE;
    if (!written.created) return replayedCase(trx, written.id, input);
    await storePhotos(trx, written.id, input.photos ?? [], { shownOnReceipt: cat.photos_public });
    return { id: written.id, trackingCode: code, state, dueDate, created: true, unitId };
  };
  // Photos are a second statement, so only then is a transaction needed: case_open alone is atomic.
  return input.photos?.length ? inTransaction(db, write) : write(db);
}

/**
 * The case a client_ref already named, as it stands. A sender that reuses its id for another report (other kind,
 * category, place or text) is told so (422) rather than answered with someone's case or silently losing the report.
 */
async function replayedCase(db: Db, id: number, input: OpenCaseInput): Promise<OpenedCase> {
  const row = await getCaseRow(db, id);
  if (!row) throw new Error(`case ${id} named by a client_ref is gone`);
  const same = row.kind === input.kind && row.category_code === input.category.code && row.description === input.description
    && row.place_unit_id === (input.placeUnitId ?? null);
  if (!same) throw new AppError('client_ref_reused', {}, 'clientRef');
  return { id, trackingCode: row.tracking_code, state: row.state, dueDate: row.due_date, created: false, unitId: row.unit_id };
}

/** Receives a case of any kind by its category's code, on the committed reference (retried when it changes). */
export async function receiveCase(db: Db, actor: Actor, input: Omit<OpenCaseInput, 'category'> & { category: string }, now: Date, request?: FastifyRequest): Promise<OpenedCase> {
  return withReference(db, async (ref) => {
    const category = ref.category(input.kind, input.category);
    if (!category) throw new AppError('reference_not_found', {}, 'category');
    return openCase(db, ref, actor, { ...input, category }, now, request);
  });
}
