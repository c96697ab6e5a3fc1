import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import type { Config } from '../src/server/config.js';

/**
 * Prepared databases for tests. Migrating, loading the reference data and hashing the demo passwords took 3–8 s for
 * every test app, most of CI's hour; the first test of a run to need a given preparation makes it once and every
 * later one starts from a copy: on PGlite a dump of the data directory (loaded in under a second), on PostgreSQL a
 * template database (CREATE DATABASE … TEMPLATE). A copy is the database prepareDatabase leaves, so the tests still
 * exercise it; tests of preparation itself open an empty database instead.
 */
export type Preparation = Pick<Config, 'demo' | 'adminPassword' | 'demoHistoryDays'>;

/** Set by test/global-setup.ts for one `vitest run`; its templates are removed when the run ends. */
export const TEST_RUN = process.env.TINHSO_TEST_RUN;
export const templateFolder = (run: string) => path.join(os.tmpdir(), `tinhso-test-${run}`);

/** Demo data is dated by the day it is made: a run that passes midnight prepares again. */
function templateKey(preparation: Preparation): string {
  const day = new Date().toISOString().slice(0, 10);
  const { demo, adminPassword, demoHistoryDays } = preparation;
  return crypto.createHash('sha256').update(JSON.stringify([demo, adminPassword ?? null, demoHistoryDays, day])).digest('hex').slice(0, 12);
}

const snapshots = new Map<string, Promise<Blob>>();

/** The dump of a prepared PGlite data directory: read from the run's folder, made there by the first to need it. */
function pgliteSnapshot(run: string, preparation: Preparation): Promise<Blob> {
  const key = templateKey(preparation);
  let snapshot = snapshots.get(key);
  if (!snapshot) {
    snapshot = makePgliteSnapshot(path.join(templateFolder(run), `${key}.tar`), preparation);
    snapshots.set(key, snapshot);
    snapshot.catch(() => snapshots.delete(key));
  }
  return snapshot;
}

async function makePgliteSnapshot(file: string, preparation: Preparation): Promise<Blob> {
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const database = await openDatabase({});
  try {
    await prepareDatabase(database.db, preparation);
    // Checkpointed first, a copy starts without replaying the preparation's WAL: about half the time to load.
    await database.pglite!.exec('CHECKPOINT');
    const blob = await database.pglite!.dumpDataDir('none');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Two workers may make the same template at once: each writes its own file and the rename keeps one whole.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(partial, file);
    return blob;
  } finally {
    await database.close();
  }
}

const withDatabase = (url: string, name: string) => {
  const address = new URL(url);
  address.pathname = `/${name}`;
  return address.toString();
};

async function asAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The name of the run's template database for this preparation, made under a lock by the first worker to need it. */
async function postgresTemplate(url: string, run: string, preparation: Preparation): Promise<string> {
  const name = `tinhso_tpl_${run}_${templateKey(preparation)}`;
  return asAdmin(url, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return name;
      // Made under another name and renamed when whole: a worker killed half-way leaves no template to copy.
      const building = `${name}_b`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const database = await openDatabase({ url: withDatabase(url, building), poolSize: 2 });
      try {
        await prepareDatabase(database.db, preparation);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

export type TestDatabase = Database & {
  /** PostgreSQL: the address of this test's own database, for a second connection pool ("another process"). */
  url?: string;
  schema?: string;
};

/** A database already prepared as prepareDatabase(preparation) leaves it, of this test alone; close() removes it. */
export async function preparedDatabase(url: string | undefined, preparation: Preparation): Promise<TestDatabase | null> {
  if (!TEST_RUN) return null;
  if (!url) return openDatabase({ pgliteSnapshot: await pgliteSnapshot(TEST_RUN, preparation) });
  const template = await postgresTemplate(url, TEST_RUN, preparation);
  const name = `t_${TEST_RUN}_${crypto.randomBytes(5).toString('hex')}`;
  await asAdmin(url, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const own = withDatabase(url, name);
  const database = await openDatabase({ url: own, poolSize: 4 });
  return {
    ...database,
    url: own,
    async close() {
      await database.close();
      await asAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Removes what a run made: its PGlite dumps and, on PostgreSQL, its templates and any test database left behind. */
export async function removeRun(run: string, url: string | undefined): Promise<void> {
  fs.rmSync(templateFolder(run), { recursive: true, force: true });
  if (!url) return;
  await asAdmin(url, async (admin) => {
    const left = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`, [
      `tinhso_tpl_${run}_%`,
      `t_${run}_%`,
    ]);
    for (const { datname } of left.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
