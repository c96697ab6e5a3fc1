import path from 'node:path';
import { vnDate } from '../core/calendar/index.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { CLI } from '../core/access/index.js';
import { generatePassword } from '../core/auth/index.js';
import { backupTo, checkBackup, restoreFrom } from '../core/backup/index.js';
import { findByCode } from '../core/org-units/index.js';
import { createToken, listTokens, revokeToken, TOKEN_SCOPES } from '../core/tokens/index.js';
import { findUserIdByUsername, setUserPassword } from '../core/users/index.js';
import { simulatorFleet, SIMULATED_KINDS, type SimulatedKind } from '../modules/devices/index.js';
import { SIMULATE_USAGE } from './simulate.js';
import { TRACE_USAGE } from './trace.js';
import { formatMessage } from '../server/error-codes/index.js';
import { AppError } from '../server/errors.js';

export const USAGE = `Tỉnh Số — công cụ vận hành / operator tool

  npm run cli -- migrate
  npm run cli -- user set-password --username NAME [--password PASSWORD]   (without --password one is generated)
  npm run cli -- token create --name NAME --scope SCOPE [--scope SCOPE…] [--unit CODE]
  npm run cli -- token list
  npm run cli -- token revoke --id ID
  npm run cli -- backup FILE
  npm run cli -- restore FILE
  npm run cli -- check-backup FILE   (reads the whole file and says whether it is complete; writes nothing)
${SIMULATE_USAGE}
${TRACE_USAGE}

Scopes: ${TOKEN_SCOPES.join(', ')}
Works whether the server runs or not: with the embedded database and a running server, the command runs inside it.`;

export class UsageError extends Error {}

/** Runs one command against an open database and returns what to print. Paths in argv are already absolute. */
export async function runCommand(database: Database, argv: string[]): Promise<string> {
  const { db } = database;
  const [command, sub] = argv;
  const options = (spec: NonNullable<ParseArgsConfig['options']>, from = 2) =>
    parseArgs({ args: argv.slice(from), options: spec, allowPositionals: true, strict: true });

  switch (command) {
    case 'migrate': {
      const applied = await migrate(db);
      return applied.length ? `Đã áp dụng / applied: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã cập nhật / database is up to date';
    }
    case 'user': {
      if (sub !== 'set-password') throw new UsageError(`unknown: user ${sub ?? ''}`);
      const { values } = options({ username: { type: 'string' }, password: { type: 'string' } });
      if (typeof values.username !== 'string') throw new UsageError('--username is required');
      const password = typeof values.password === 'string' ? values.password : generatePassword();
      await setUserPassword(db, CLI, await findUserIdByUsername(db, values.username), password);
      return values.password ? `Đã đặt mật khẩu cho ${values.username} / password set` : `Mật khẩu mới cho ${values.username} / new password: ${password}`;
    }
    case 'token': {
      if (sub === 'list') {
        const tokens = await listTokens(db);
        return tokens.map((t) => `${t.id}\t${t.prefix}…\t${t.name}\t${t.scopes.join(',')}\t${t.revokedAt ? 'revoked' : 'active'}`).join('\n') || '(none)';
      }
      if (sub === 'create') {
        const { values } = options({ name: { type: 'string' }, scope: { type: 'string', multiple: true }, unit: { type: 'string' } });
        if (typeof values.name !== 'string' || !values.name.trim()) throw new UsageError('--name is required');
        const scopes = ((values.scope as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
        if (!scopes.length) throw new UsageError('--scope is required');
        let orgUnitId: number | null = null;
        if (typeof values.unit === 'string') {
          const unit = await findByCode(db, values.unit, vnDate(new Date()));
          if (!unit) throw new UsageError(`no unit ${values.unit} in force today`);
          orgUnitId = unit.id;
        }
        const { token, view } = await createToken({ db, actor: CLI, input: { name: values.name.trim(), scopes, orgUnitId } });
        return `${token}\n(id ${view.id}; scopes ${view.scopes.join(', ')}. Mã chỉ hiện một lần / shown only once.)`;
      }
      if (sub === 'revoke') {
        const { values } = options({ id: { type: 'string' } });
        const id = Number(values.id);
        if (!Number.isInteger(id) || id <= 0) throw new UsageError('--id must be a token id');
        const view = await revokeToken({ db, actor: CLI, id, now: new Date() });
        return `Đã thu hồi / revoked: ${view.id} ${view.name}`;
      }
      throw new UsageError(`unknown: token ${sub ?? ''}`);
    }
    case 'backup': {
      if (!sub) throw new UsageError('backup FILE');
      const result = await bilingual(backupTo(db, path.resolve(sub), database.kind));
      return `Đã sao lưu / backed up ${result.rows} rows of ${result.tables} tables to ${path.resolve(sub)} (sha256 ${result.sha256})`;
    }
    case 'restore': {
      if (!sub) throw new UsageError('restore FILE');
      const file = path.resolve(sub);
      // The file is proven whole before the migrations touch a new database, and again by the restore itself.
      const checked = await bilingual(checkBackup(file));
      await migrate(db);
      const result = await bilingual(restoreFrom(db, file, checked));
      return `Đã khôi phục / restored ${result.rows} rows of ${result.tables} tables (backup from ${result.source}, sha256 ${result.sha256})`;
    }
    case 'check-backup': {
      if (!sub) throw new UsageError('check-backup FILE');
      const checked = await bilingual(checkBackup(path.resolve(sub)));
      return `Bản sao lưu trọn vẹn / the backup is complete: ${checked.rows} rows of ${checked.header.tables.length} tables, taken ${checked.header.createdAt} from ${checked.header.source} (sha256 ${checked.sha256})`;
    }
    case 'simulate-fleet': {
      // The database half of `simulate --devices N` (it may run inside the server): the devices and their tokens, as JSON.
      const { values } = options({ kind: { type: 'string' }, count: { type: 'string' } }, 1);
      const kind = values.kind as SimulatedKind;
      if (!SIMULATED_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${SIMULATED_KINDS.join(', ')}`);
      const count = Number(values.count);
      if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new UsageError('--devices must be 1 to 10000');
      return JSON.stringify(await simulatorFleet({ db, actor: CLI, kind, count, now: new Date() }));
    }
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'no command');
  }
}

/** A refusal of the backup module, worded for the operator in both languages (an AppError's message is its code). */
async function bilingual<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw new Error(`${formatMessage(err.code, 'vi', err.params)}\n${formatMessage(err.code, 'en', err.params)}`, { cause: err });
  }
}

/** The path arguments of backup, restore and check-backup are made absolute before a command crosses to the server process. */
export function absolutePaths(argv: string[]): string[] {
  const [command, file, ...rest] = argv;
  return (command === 'backup' || command === 'restore' || command === 'check-backup') && file ? [command, path.resolve(file), ...rest] : argv;
}
