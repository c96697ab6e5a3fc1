import fs from 'node:fs';
import { loadConfig } from '../server/config.js';
import { controlSocketPath, EmbeddedDatabaseBusy, openRuntimeDatabase } from '../server/runtime.js';
import { absolutePaths, runCommand, USAGE, UsageError } from './commands.js';
import { sendControl } from './control.js';

async function main(): Promise<number> {
  const argv = absolutePaths(process.argv.slice(2));
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  const config = loadConfig();
  try {
    const runtime = await openRuntimeDatabase(config);
    try {
      console.log(await runCommand(runtime.database, argv));
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
      (response.ok ? console.log : console.error)(response.output);
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

process.exitCode = await main();
