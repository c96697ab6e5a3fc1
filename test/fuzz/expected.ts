import type { Db } from '../../src/db/database.js';
import type { Pass } from './checks.js';
import { OFFICER, type World } from './fixtures.js';

/** Where the tables stood before a route's cases: anything with a larger id was written by them. */
export interface Marks {
  audit: number;
  notification: number;
}

export async function marks(db: Db): Promise<Marks> {
  const max = async (table: 'audit_log' | 'notification') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);
  return { audit: await max('audit_log'), notification: await max('notification') };
}

/** A write a caller may make on a route: the tables and why, the audit actions it records, a check of the rows. */
export interface Allowed {
  tables: Record<string, string>;
  /** The audit actions the route records for this caller (audit_log may then change, each new row is checked). */
  audit?: string[];
  verify?: (w: World, since: Marks) => Promise<string[]>;
}

/**
 * A moment after cases are written, the platform publishes the feedback figures again from them (live-figures.ts):
 * values written by the system, never by the caller — which the audit rows must show.
 */
const FIGURES = {
  data_value: 'the feedback figures, published again by the platform', data_value_history: 'their history',
  data_value_year_total: 'their yearly totals', data_value_year_version: 'their versions', figure_definition_version: 'the figures version',
  live_event: 'the screens following cases, values and messages are told (migration 0028)',
};
async function figuresBySystem(w: World, since: Marks): Promise<string[]> {
  const rows = await w.t.database.db.selectFrom('audit_log').select(['actor_kind', 'actor_name']).where('id', '>', since.audit)
    .where('action', '=', 'data_value.write').where('actor_kind', '!=', 'system').execute();
  return rows.length ? [`values written by ${rows.map((r) => `${r.actor_kind} ${r.actor_name}`).join(', ')}`] : [];
}

/** A citizen's report, sent by anyone: the public intake is for everyone, a signed-in officer included. */
const intake: Allowed = {
  tables: {
    case_record: "the citizen's report", case_event: 'its receipt on the timeline', case_media: 'its photos',
    notification: 'the receiving unit is told of it', ...FIGURES,
  },
  audit: ['case.open', 'data_value.write'],
  verify: figuresBySystem,
};
/** Following a report by its tracking code: public by design (the code is the citizen's key), no personal data shown. */
const follow: Allowed = {
  tables: { case_record: 'the follower is kept on the case', case_event: 'the timeline notes it', ...FIGURES },
  audit: ['data_value.write'],
  verify: figuresBySystem,
};
/** A rating by the tracking code once a report is answered: it closes the case, or reopens it (citizen.ts). */
const rating: Allowed = {
  tables: { case_record: 'the rating is kept on the case', case_event: 'the timeline notes it', notification: 'the unit is told of a reopening', ...FIGURES },
  audit: ['case.close', 'case.reopen', 'data_value.write'],
  verify: figuresBySystem,
};
/** A failed sign-in counts against the name (the lockout) and is audited, whoever sent it. */
const login: Allowed = { tables: { login_failure: 'failed sign-ins are counted per name, known or not' }, audit: ['auth.login_failed', 'auth.locked'] };
/** Figures are cached as they are read: a read of aggregates by whoever may read them. */
const figures: Allowed = { tables: { analytics_cache: 'a read fills the figures cache' } };

async function remindedOnlyOwnUnit(w: World, since: Marks): Promise<string[]> {
  const db = w.t.database.db;
  const reminders = await db.selectFrom('report_reminder').select('org_unit_id').where('sent_by', '=', OFFICER.username).execute();
  const outside = reminders.filter((r) => r.org_unit_id !== w.ids.otherUnit);
  const officer = await db.selectFrom('app_user').select('id').where('username', '=', OFFICER.username).executeTakeFirstOrThrow();
  const notices = await db.selectFrom('notification').select(['user_id', 'recipient']).where('id', '>', since.notification).execute();
  const others = notices.filter((n) => n.user_id !== null && n.user_id !== officer.id);
  return [
    ...(outside.length ? [`reminded units outside its scope: ${outside.map((r) => r.org_unit_id).join(', ')}`] : []),
    ...(others.length ? [`notified users of other units: ${others.map((n) => n.user_id).join(', ')}`] : []),
  ];
}

/**
 * The writes each pass may make, by route. Anything else that changes a table is a write by the wrong user. The
 * officer works for Phường Phú Lợi and every request names things of Phường Sóc Trăng, so the only writes it may
 * make are the public ones, its own session's and its own ward's.
 */
export const EXPECTED_WRITES: Record<Exclude<Pass, 'admin'>, Record<string, Allowed>> = {
  anonymous: {
    'POST /api/auth/login': login,
    'POST /api/public/feedback': intake,
    'POST /api/public/feedback/:code/follow': follow,
    'POST /api/public/feedback/:code/rating': rating,
  },
  officer: {
    'POST /api/auth/login': login,
    'POST /api/public/feedback': intake,
    'POST /api/public/feedback/:code/follow': follow,
    'POST /api/public/feedback/:code/rating': rating,
    // Each case of this route signs out a session of its own, signed in for it before the cases ran.
    'POST /api/auth/logout': { tables: { user_session: "the caller's own session ends" }, audit: ['auth.logout'] },
    'GET /api/analytics': figures,
    'GET /api/scorecard': figures,
    'GET /api/scorecard/export': figures,
    'GET /api/scorecard/indicators/:code': figures,
    'GET /api/ioc/map': figures,
    'GET /api/ioc/units/:id': figures,
    // An import sent with async=true is recorded as the officer's own job; its rows name another ward and are
    // refused one by one (the values tables stay as they were, which this check holds).
    'POST /api/dataValueSets': { tables: { import_job: "the officer's own import, recorded as a job" } },
    // Without unitIds, the reminder goes to every late unit in the officer's scope: its own ward.
    'POST /api/reporting/remind': {
      tables: { report_reminder: 'its own ward is reminded', notification: "its own ward's officers are told", live_event: 'their bells are told (migration 0028)' },
      audit: ['report.remind'],
      verify: remindedOnlyOwnUnit,
    },
  },
};

/** What a route wrote that its caller may not: tables outside the allowed ones, audit actions outside the list. */
export async function wrongWrites(w: World, pass: Exclude<Pass, 'admin'>, route: string, tables: string[], since: Marks): Promise<string[]> {
  const allowed = EXPECTED_WRITES[pass][route];
  const problems: string[] = [];
  const unexpected = tables.filter((t) => !allowed?.tables[t] && !(t === 'audit_log' && allowed?.audit));
  if (unexpected.length) problems.push(`wrote to ${unexpected.join(', ')}`);
  if (tables.includes('audit_log')) {
    const rows = await w.t.database.db.selectFrom('audit_log').select('action').where('id', '>', since.audit).execute();
    const actions = [...new Set(rows.map((r) => r.action))].filter((a) => !allowed?.audit?.includes(a));
    if (actions.length) problems.push(`audited ${actions.join(', ')}`);
  }
  if (tables.length && allowed?.verify) problems.push(...(await allowed.verify(w, since)));
  return problems;
}
