import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  port: number;
  url: string;
  proc: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

function baseEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  // Each server runs its embedded MQTT broker on a port of its own (several run at once); none subscribes to the
  // CI's real broker unless a test says so, so no test leaves a session there.
  // No simulated device season in a test server's demo (seconds to write): tests that need readings send them.
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', MQTT_PORT: '0', TINHSO_DEMO_HISTORY_DAYS: '0', ...extra };
  if (!('MQTT_URL' in extra)) delete env.MQTT_URL;
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

/** Starts `src/server/main.ts` as its own process, as `npm start` does, and waits until /readyz answers. */
export async function startServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, [TSX, 'src/server/main.ts'], { cwd: ROOT, env: baseEnv({ PORT: String(port), HOST: '127.0.0.1', ...env }) });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server not ready in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    port, url, proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs a process to its end and returns its exit code and output. */
export function runProcess(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [TSX, ...args], { cwd: ROOT, env: baseEnv(env) });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export const cli = (args: string[], env: Record<string, string | undefined>) => runProcess(['src/cli/main.ts', ...args], env);

export async function loginOver(url: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
