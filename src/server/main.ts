import type net from 'node:net';
import closeWithGrace from 'close-with-grace';
import { runCommand, UsageError } from '../cli/commands.js';
import { startControlServer } from '../cli/control.js';
import { Scheduler } from '../core/jobs/index.js';
import { buildApp } from './app.js';
import { platformJobs } from './jobs.js';
import { prepareDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { startDeviceTransport } from '../modules/devices/index.js';
import { controlSocketPath, EmbeddedDatabaseBusy, openRuntimeDatabase } from './runtime.js';

const config = loadConfig();
const started = Date.now();
let ready = false;

let runtime;
try {
  runtime = await openRuntimeDatabase(config);
} catch (err) {
  if (err instanceof EmbeddedDatabaseBusy) {
    console.error(`${err.message}\nMột tiến trình Tỉnh Số khác đang dùng cơ sở dữ liệu nhúng. Dừng nó, hoặc đặt DATA_DIR khác / DATABASE_URL.`);
    process.exit(2);
  }
  throw err;
}
const { database } = runtime;
const ctx = { db: database.db, dbKind: database.kind, config, now: () => new Date() };
const app = await buildApp(ctx, {
  logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] },
  ready: () => ready,
});
const log = app.log;

const prepared = await prepareDatabase(database.db, config, { soleProcess: database.kind === 'pglite' });
if (prepared.migrations.length) log.info({ migrations: prepared.migrations }, 'migrations applied');
if (prepared.referenceLoaded) log.info('reference data loaded (Sóc Trăng 2024, Cần Thơ 2025)');

const scheduler = new Scheduler(database.db, platformJobs(config, (line, extra) => log.info(extra, line)), ctx.now, (msg, extra) => log.warn(extra, msg));
await scheduler.register();

let control: net.Server | undefined;
if (database.kind === 'pglite') {
  control = await startControlServer(controlSocketPath(config), async ({ argv }) => {
    try {
      return { ok: true, output: await runCommand(database, argv) };
    } catch (err) {
      return { ok: false, output: err instanceof UsageError || err instanceof Error ? err.message : String(err) };
    }
  });
}

await app.listen({ port: config.port, host: config.host });
const devices = await startDeviceTransport({
  db: database.db, dbKind: database.kind, mqttUrl: config.mqttUrl, mqttPort: config.mqttPort, mqttClientId: config.mqttClientId, now: ctx.now,
  log: (msg, extra) => log.warn(extra ?? {}, msg),
});
log.info({ transport: devices.kind, port: devices.port }, devices.kind === 'embedded' ? `MQTT broker listening on port ${devices.port}` : 'subscribed to the MQTT broker');
scheduler.start(config.jobTickMs);
ready = true;

const address = `http://localhost:${config.port}`;
const lines = [
  '',
  `  Tỉnh Số đang chạy tại / is running at ${address}  (${((Date.now() - started) / 1000).toFixed(1)} s, ${database.kind}: ${database.location})`,
];
if (prepared.demoAccounts) {
  lines.push('  Dữ liệu mẫu / demo data. Đăng nhập / log in with:');
  for (const a of prepared.demoAccounts) {
    const password = a.username === 'admin' && config.adminPassword ? '(TINHSO_ADMIN_PASSWORD)' : prepared.demoPassword;
    lines.push(`    ${a.username.padEnd(10)} ${a.role.padEnd(9)} ${password}`);
  }
} else if (prepared.generatedAdminPassword) {
  lines.push(`  Tài khoản quản trị / administrator: admin   mật khẩu / password: ${prepared.generatedAdminPassword}`);
  lines.push('  (chỉ hiện một lần / shown only once — đổi sau khi đăng nhập / change it after logging in)');
} else {
  lines.push('  Đăng nhập bằng tài khoản đã có / log in with your account (npm run cli -- user set-password --username NAME)');
}
console.log(`${lines.join('\n')}\n`);

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'shutting down after an error');
  else log.info({ signal }, 'shutting down');
  ready = false;
  await scheduler.stop();
  await devices.close();
  await app.close();
  await new Promise<void>((resolve) => (control ? control.close(() => resolve()) : resolve()));
  await runtime.release();
});
