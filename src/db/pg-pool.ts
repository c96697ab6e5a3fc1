import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CopyData, isCopy } from './copy.js';

/** node-postgres's pool, with COPY … FROM STDIN of CopyData (see copy.ts) streamed through pg-copy-streams. */
export function withCopy(pool: pg.Pool): PostgresPool {
  const copy = async (client: pg.PoolClient, text: string, data: CopyData) => {
    const stream = client.query(copyFrom(text));
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(data.text);
    });
    return { command: 'SELECT' as const, rowCount: stream.rowCount, rows: [] };
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        // Kysely passes either SQL with its parameters or a cursor (streamed results), which goes through untouched.
        query: ((text: unknown, parameters?: ReadonlyArray<unknown>) =>
          (parameters && isCopy(parameters) ? copy(client, text as string, parameters[0]) : client.query(text as never, parameters as never))) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}
