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
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(config.dataDir, { lockfilePath: lockPath(config), stale: 15_000, update: 5_000, retries: 0, realpath: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new EmbeddedDatabaseBusy(config.dataDir);
    throw err;
  }
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
