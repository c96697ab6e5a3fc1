import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_URL } from '../../test/helpers.js';
import { loadConfig } from './config.js';
import { EmbeddedDatabaseBusy, lockPath, openRuntimeDatabase } from './runtime.js';

/** A data folder whose lock a process left behind, owned by `pid`. */
function leftLock(pid: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-lock-'));
  const config = loadConfig({ DATA_DIR: dataDir });
  fs.mkdirSync(lockPath(config));
  fs.writeFileSync(path.join(dataDir, 'tinhso.lock.pid'), String(pid));
  return { config, dataDir };
}

describe('the embedded database lock after a crash', () => {
  it.skipIf(Boolean(DATABASE_URL))('is taken over at once when the process that held it is gone', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const { config, dataDir } = leftLock(dead);
    const runtime = await openRuntimeDatabase(config);
    await runtime.release();
    expect(fs.existsSync(lockPath(config))).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(Boolean(DATABASE_URL))('still refuses while the process that holds it lives', async () => {
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    const { config, dataDir } = leftLock(alive.pid!);
    try {
      await expect(openRuntimeDatabase(config)).rejects.toBeInstanceOf(EmbeddedDatabaseBusy);
    } finally {
      alive.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
