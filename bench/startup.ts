// Seconds from `npm start` to a ready /readyz: a first start on an empty data folder, then a warm start on it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test/process-helpers.js';
import { median, quick, report, round } from './common.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * CPU seconds spent so far by a process group (npm, the builds it ran, the server), read from /proc: on a machine
 * shared with other work the wall time says more about the neighbours than about the start. Null off Linux.
 */
function groupCpuSeconds(group: number): number | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the name: state, ppid, pgrp, …; utime, stime, cutime, cstime are the 12th to 15th.
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks / 100; // USER_HZ, 100 on Linux
}

async function timeStart(dataDir: string): Promise<{ wall: number; cpu: number | null }> {
  const port = await freePort();
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), MQTT_PORT: '0', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the figure is for the quick start: the embedded database
  const proc = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}:\n${stderr}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return { wall: (performance.now() - started) / 1000, cpu: groupCpuSeconds(proc.pid!) };
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
const firstCpu: number[] = [];
const warmCpu: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-startup-'));
  const a = await timeStart(dir);
  const b = await timeStart(dir);
  first.push(a.wall);
  warm.push(b.wall);
  if (a.cpu !== null && b.cpu !== null) {
    firstCpu.push(a.cpu);
    warmCpu.push(b.cpu);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const cpu = (c: number | null) => (c === null ? '' : ` (${c.toFixed(2)} s CPU)`);
  console.log(`run ${i + 1}: first start ${a.wall.toFixed(2)} s${cpu(a.cpu)}, warm start ${b.wall.toFixed(2)} s${cpu(b.cpu)}`);
}
console.log(`median of ${runs}: first start ${median(first).toFixed(2)} s, warm start ${median(warm).toFixed(2)} s (PGlite, npm start → /readyz 200)`);
report({
  bench: 'startup', runs, first_start_s: round(median(first)), warm_start_s: round(median(warm)),
  first_start_cpu_s: firstCpu.length ? round(median(firstCpu)) : null, warm_start_cpu_s: warmCpu.length ? round(median(warmCpu)) : null,
});
