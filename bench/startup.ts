// Seconds from `npm start` to a ready /readyz: a first start on an empty data folder, then a warm start on it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test/process-helpers.js';
import { median, quick, report, round } from './common.js';

const ROOT = path.resolve(import.meta.dirname, '..');

async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the figure is for the quick start: the embedded database
  const proc = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}:\n${stderr}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return (performance.now() - started) / 1000;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    if (proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      process.kill(-proc.pid!, 'SIGTERM');
      await exited;
    }
    // npm exits before the server it started has closed the embedded database: wait for the whole process group,
    // or the next start finds the database still held (and refuses, as it should).
    for (;;) {
      try {
        process.kill(-proc.pid!, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const runs = quick ? 1 : 3;
const first: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-startup-'));
  first.push(await timeStart(dir));
  warm.push(await timeStart(dir));
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`run ${i + 1}: first start ${first[i]!.toFixed(2)} s, warm start ${warm[i]!.toFixed(2)} s`);
}
console.log(`median of ${runs}: first start ${median(first).toFixed(2)} s, warm start ${median(warm).toFixed(2)} s (PGlite, npm start → /readyz 200)`);
report({ bench: 'startup', runs, first_start_s: round(median(first)), warm_start_s: round(median(warm)) });
