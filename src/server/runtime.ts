import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { openDatabase, type Database } from '../db/database.js';
import type { Config } from './config.js';

export const lockPath = (config: Config) => path.join(config.dataDir, 'tinhso.lock');
export const controlSocketPath = (config: Config) => path.join(config.dataDir, 'tinhso.sock');
export const pgliteDir = (config: Config) => path.join(config.dataDir, 'db');

export class EmbeddedDatabaseBusy extends Error {
  constructor(readonly dataDir: string) {
    super(`Another Tỉnh Số process is using the embedded database in ${dataDir}.`);
  }
}

export interface OpenedRuntime {
  database: Database;
  release(): Promise<void>;
}

const ownerFile = (config: Config) => path.join(config.dataDir, 'tinhso.lock.pid');

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the data folder's lock, noting this process as its owner. A lock whose owner is gone (killed, crashed, or
 * still closing its files when the next start begins) is taken over at once instead of refusing until it goes stale;
 * a lock whose owner lives refuses with EmbeddedDatabaseBusy.
 */
async function lockDataDir(config: Config): Promise<() => Promise<void>> {
  const options = { lockfilePath: lockPath(config), stale: 15_000, update: 5_000, retries: 0, realpath: false };
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(config.dataDir, options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const owner = fs.existsSync(ownerFile(config)) ? Number(fs.readFileSync(ownerFile(config), 'utf8')) : 0;
    // No owner noted (a lock of an older version): it goes stale on its own after 15 s, as before.
    if (!owner || (owner !== process.pid && isAlive(owner))) throw new EmbeddedDatabaseBusy(config.dataDir);
    fs.rmSync(lockPath(config), { recursive: true, force: true });
    try {
      unlock = await lockfile.lock(config.dataDir, options);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw new EmbeddedDatabaseBusy(config.dataDir);
      throw again;
    }
  }
  fs.writeFileSync(ownerFile(config), String(process.pid));
  return async () => {
    fs.rmSync(ownerFile(config), { force: true });
    await unlock();
  };
}

/**
 * Opens the configured database. The embedded one belongs to exactly one process at a time: a lock in DATA_DIR
 * keeps a second process from opening (and corrupting) it; that process talks to the owner through its control
 * socket instead.
 */
export async function openRuntimeDatabase(config: Config): Promise<OpenedRuntime> {
  if (config.databaseUrl) {
    const database = await openDatabase({ url: config.databaseUrl, schema: config.databaseSchema });
    return { database, release: () => database.close() };
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const unlock = await lockDataDir(config);
  try {
    const database = await openDatabase({ pgliteDir: pgliteDir(config), schema: config.databaseSchema });
    return {
      database,
      async release() {
        await database.close();
        await unlock();
      },
    };
  } catch (err) {
    await unlock();
    throw err;
  }
}
