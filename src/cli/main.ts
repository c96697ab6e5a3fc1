import fs from 'node:fs';
import { loadConfig } from '../server/config.js';
import { controlSocketPath, EmbeddedDatabaseBusy, openRuntimeDatabase } from '../server/runtime.js';
import { absolutePaths, runCommand, USAGE, UsageError } from './commands.js';
import { sendControl } from './control.js';
import { traceCommand } from './trace.js';
import { parseSimulateArgs, runSimulation, SimulateUsageError, tokenTargets, type Target } from './simulate.js';

async function main(): Promise<number> {
  const argv = absolutePaths(process.argv.slice(2));
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  if (argv[0] === 'simulate') return simulateCommand(argv.slice(1));
  if (argv[0] === 'trace') return traceCommand(argv.slice(1), console.log);
  return databaseCommand(argv, console.log);
}

/** Runs a command on the database (opened here, or through the running server's control socket). */
async function databaseCommand(argv: string[], print: (output: string) => void): Promise<number> {
  const config = loadConfig();
  try {
    const runtime = await openRuntimeDatabase(config);
    try {
      print(await runCommand(runtime.database, argv));
      return 0;
    } finally {
      await runtime.release();
    }
  } catch (err) {
    if (err instanceof EmbeddedDatabaseBusy) {
      const socket = controlSocketPath(config);
      if (!fs.existsSync(socket)) {
        console.error(`${err.message} Its control socket ${socket} is missing; wait for it to start or stop it.`);
        return 2;
      }
      const response = await sendControl(socket, { argv });
      (response.ok ? print : console.error)(response.output);
      return response.ok ? 0 : 1;
    }
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 64;
    }
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
}

/** `simulate`: the devices come from the database (--devices) or the command line (--token); publishing is here. */
async function simulateCommand(argv: string[]): Promise<number> {
  let request;
  try {
    request = parseSimulateArgs(argv);
  } catch (err) {
    if (!(err instanceof SimulateUsageError) && !(err instanceof TypeError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    return 64;
  }
  let targets: Target[] = tokenTargets(request.tokens, request.kind, request.station);
  if (request.count) {
    let fleet = '';
    const code = await databaseCommand(['simulate-fleet', '--kind', request.kind, '--count', String(request.count)], (out) => (fleet = out));
    if (code) return code;
    targets = (JSON.parse(fleet) as Target[]).map((t) => ({ token: t.token, device: t.device }));
    console.log(`${targets.length} thiết bị mô phỏng / simulated devices: ${targets.map((t) => t.token).join(' ')}`);
  }
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  await runSimulation(targets, { ...request.options, signal: abort.signal, log: console.log });
  return 0;
}

process.exitCode = await main();
