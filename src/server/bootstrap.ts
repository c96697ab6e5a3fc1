import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { SYSTEM } from '../core/access/index.js';
import { recordAudit } from '../core/audit/index.js';
import { generatePassword, hashPassword } from '../core/auth/index.js';
import { loadReferenceData, findByCode } from '../core/org-units/index.js';
import { failOrphanedImports, loadIndicatorReference } from '../core/data/index.js';
import { loadFeedbackReference } from '../modules/feedback/index.js';
import { loadAlertReference } from '../core/alerts/index.js';
import { loadIocPanels } from '../modules/ioc/index.js';
import { ensureAgronomyFigures, publishAgronomyFigures } from '../modules/agronomy/index.js';
import { addDays, vnDate } from '../core/calendar/index.js';
import { loadDemoDevices, loadDeviceKinds, readDemoDevices } from '../modules/devices/index.js';
import { loadDemoRegimes } from '../modules/reporting/index.js';
import { createDemoProducerAccount, ensureTraceabilityFigures, loadDemoTraceability, signingKey } from '../modules/traceability/index.js';
import { ROLES } from '../core/users/index.js';
import type { Config } from './config.js';
import { REPO_ROOT } from './paths.js';
import { readSetting, writeSetting } from './settings.js';
import { loadDemoValues } from './demo-values.js';

const DEMO_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/demo/accounts.json');
const ZDemo = z.object({
  password: z.string(),
  asOf: z.iso.date(),
  accounts: z.array(z.object({ username: z.string(), displayName: z.string(), role: z.enum(ROLES), unitCode: z.string(), email: z.string() })),
});

const REFERENCE_SETTING = 'reference_fingerprint';

/** A hash of the reference and demo files (names and contents) and of the demo mode. */
function referenceFingerprint(demo: boolean): string {
  const hash = crypto.createHash('sha256').update(demo ? 'demo\n' : 'real\n');
  for (const dir of ['reference', 'demo']) {
    const root = path.join(REPO_ROOT, 'data', dir);
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root, { recursive: true }).map(String).sort()) {
      const file = path.join(root, name);
      if (fs.statSync(file).isFile()) hash.update(`${dir}/${name}\n`).update(fs.readFileSync(file));
    }
  }
  return hash.digest('hex');
}

export interface PreparedDatabase {
  migrations: string[];
  referenceLoaded: boolean;
  /** Set on the very first start: the administrator's password when it was generated and must be shown once. */
  generatedAdminPassword?: string;
  demoAccounts?: { username: string; role: string }[];
  demoPassword?: string;
}

/**
 * Makes a database ready: migrations, reference data when the unit table is empty, and on an empty user table the
 * administrator (and, in demo mode, one account per role). Several processes may start at once on an empty database:
 * all of it runs on one connection holding an advisory lock, so the second waits for the first and then finds
 * nothing left to do.
 */
export async function prepareDatabase(
  db: Db,
  config: Pick<Config, 'demo' | 'adminPassword' | 'demoHistoryDays'>,
  /** The embedded database belongs to this process alone: whatever import it finds running was left by a crash. */
  options: { soleProcess?: boolean } = {},
): Promise<PreparedDatabase> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtext(current_schema() || ':prepare'))`.execute(conn);
    try {
      return await prepareLocked(conn, config, options);
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(current_schema() || ':prepare'))`.execute(conn);
    }
  });
}

async function prepareLocked(db: Db, config: Pick<Config, 'demo' | 'adminPassword' | 'demoHistoryDays'>, options: { soleProcess?: boolean }): Promise<PreparedDatabase> {
  const migrations = await migrate(db);
  // An import left running by a killed process is marked failed now, not a lease later, where no other process can own it.
  await failOrphanedImports(db, options.soleProcess ? { leaseSeconds: 0 } : {});
  const result: PreparedDatabase = { migrations, referenceLoaded: false };
  // The reference data is read, checked and offered to its loaders once per version of its files: a start that finds
  // the same files, the same mode and no new migration skips it (most of a warm start's time was parsing them).
  const fingerprint = referenceFingerprint(config.demo);
  if (migrations.length || (await readSetting<string>(db, REFERENCE_SETTING)) !== fingerprint) {
    result.referenceLoaded = (await loadReferenceData(db)).loaded;
    await loadIndicatorReference(db);
    await loadFeedbackReference(db);
    await loadAlertReference(db);
    await loadIocPanels(db);
    await loadDeviceKinds(db);
    await ensureAgronomyFigures(db);
    await ensureTraceabilityFigures(db);
    await signingKey(db); // made at start, so that the first reader of the public key writes nothing
    // The 13 demonstration regimes: a demo database only (a real one gets the province's own regimes).
    if (config.demo) await loadDemoRegimes(db, SYSTEM);
    await writeSetting(db, REFERENCE_SETTING, fingerprint);
  }

  const anyUser = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (anyUser) return result;

  const demo = ZDemo.parse(JSON.parse(fs.readFileSync(DEMO_FILE, 'utf8')));
  const adminPassword = config.adminPassword ?? (config.demo ? demo.password : generatePassword());
  if (!config.adminPassword && !config.demo) result.generatedAdminPassword = adminPassword;

  await db.transaction().execute(async (trx) => {
    const accounts = config.demo ? demo.accounts : demo.accounts.filter((a) => a.role === 'admin').map((a) => ({ ...a, displayName: 'Quản trị hệ thống', email: '' }));
    for (const account of accounts) {
      const unit = await findByCode(trx, account.unitCode, demo.asOf);
      if (!unit) throw new Error(`demo account ${account.username}: no unit ${account.unitCode} on ${demo.asOf}`);
      const password = account.role === 'admin' && account.username === 'admin' ? adminPassword : demo.password;
      const row = await trx
        .insertInto('app_user')
        .values({
          username: account.username, display_name: account.displayName, email: account.email || null,
          password_hash: await hashPassword(password), role: account.role, org_unit_id: unit.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, SYSTEM, { action: 'user.create', entity: 'app_user', entityId: row.id, after: { username: account.username, role: account.role, demo: config.demo } });
    }
    await writeSetting(trx, 'demo', config.demo);
    if (config.demo) {
      await loadDemoValues(trx);
      // Demo devices with a season of simulated readings (data/demo/devices.json), in the same transaction as the
      // accounts: under the advisory lock, all or nothing, and never again once a user exists.
      const devices = readDemoDevices();
      const historyDays = config.demoHistoryDays ?? devices.historyDays;
      const now = new Date();
      await loadDemoDevices(trx, now, { ...devices, historyDays });
      // The season's nights and days as figures (the morning job publishes only the last nights).
      if (historyDays > 0) await publishAgronomyFigures(trx, { from: addDays(vnDate(now), -historyDays), to: addDays(vnDate(now), -1) });
      // Demo producers, products and lots (data/demo/traceability.json); with a history, their seasons captured through
      // the EPCIS pipeline (a second or so, which the tests' many demo apps skip).
      await loadDemoTraceability(trx, now, { events: historyDays > 0 });
    }
  });
  if (config.demo) {
    await createDemoProducerAccount(db, demo.password); // the traceability demo's `htx` (createUser's own transaction)
    result.demoAccounts = demo.accounts.map((a) => ({ username: a.username, role: a.role }));
    result.demoPassword = demo.password;
  }
  return result;
}
